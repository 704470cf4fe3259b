package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellQuoting;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentOutput;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderValue;

/**
 * The restorers' way to talk to the phone's shell: counts the work ({@link CommandCount}), parses queries, and
 * batches many silent commands into one script.
 *
 * <p>Batching: {@code content} cannot insert several rows per process (android-data.md §0), so the per-row process
 * cost stays, but many inserts share one round trip: each runs as {@code CMD 2>&1; echo LIFEBOAT_ROW_<i>}, and the
 * output between two markers is that command's own (insert and put print nothing when they succeed).
 */
final class PhoneShell {
    static final String ROW_MARKER = "LIFEBOAT_ROW_";
    /** Keeps one script well below what a phone's shell reads comfortably in one go. */
    private static final int BATCH_BYTES = 48 * 1024;

    private static final int BATCH_COMMANDS = 100;
    private static final String ID = "_id";

    private final TargetPhone phone;
    private int roundTrips;
    private int processes;

    PhoneShell(TargetPhone phone) {
        this.phone = phone;
    }

    TargetPhone phone() {
        return phone;
    }

    int apiLevel() {
        return phone.apiLevel();
    }

    CommandCount count() {
        return new CommandCount(roundTrips, processes);
    }

    /** Runs {@code words} (a program and its arguments, each quoted) as one process. */
    CommandOutput run(List<String> words) throws IOException {
        return run(command(words), 1);
    }

    CommandOutput run(ShellCommand command, int processCount) throws IOException {
        roundTrips++;
        processes += processCount;
        return phone.run(command);
    }

    List<ProviderRow> query(ContentQuery query) throws IOException, ContentCommandException {
        CommandOutput output = run(query.arguments());
        return ContentOutput.parseQuery(query, output.stdout(), output.stderr());
    }

    /**
     * Like {@link #query}, but reads the free-text column (the last, joined on {@code _id}) exactly: {@code content}
     * prints SQL NULL and the text "NULL" the same way (android-data.md §2.2), so when that column printed NULL in
     * any row, a second query for the rows where it {@code IS NULL} tells them apart (§2.3), as the backup's
     * collectors do. For restorers that find rows again by a free-text value the backup holds exactly.
     */
    List<ProviderRow> queryExactText(ContentQuery query) throws IOException, ContentCommandException {
        ColumnSpec text = query.columns().getLast();
        if (text.kind() != ColumnSpec.Kind.TEXT || !query.columns().contains(ColumnSpec.integer(ID))) {
            throw new IllegalArgumentException("expected a query of _id and a free-text column last: " + query);
        }
        List<ProviderRow> rows = query(query);
        if (rows.stream().noneMatch(row -> row.get(text.column()) instanceof ProviderValue.Null)) {
            return rows;
        }
        List<ProviderRow> reallyNull = query(ContentOutput.nullCheckQuery(query, ID, text.column()));
        return ContentOutput.resolveNullText(rows, ID, text.column(), reallyNull);
    }

    /** Runs a command that prints nothing on success and throws what its output reports otherwise. */
    void runSilent(List<String> words) throws IOException, CommandRejectedException {
        CommandOutput output = run(words);
        Optional<String> error = silentCommandError(output.allText());
        if (error.isPresent()) {
            throw new CommandRejectedException(error.get());
        }
    }

    /**
     * Runs silent commands in as few scripts as fit, and returns each one's error, or empty where it succeeded, in
     * the order given.
     */
    List<Optional<String>> runSilentBatch(List<List<String>> commands) throws IOException {
        return runBatch(commands).stream()
                .map(output -> output.map(PhoneShell::silentCommandError)
                        .orElse(Optional.of("the phone's shell stopped before this command reported back")))
                .toList();
    }

    /** Runs commands in as few scripts as fit; each one's output (stdout and stderr), empty where none came back. */
    List<Optional<String>> runBatch(List<List<String>> commands) throws IOException {
        List<Optional<String>> outputs = new ArrayList<>(commands.size());
        int start = 0;
        while (start < commands.size()) {
            StringBuilder script = new StringBuilder();
            int end = start;
            while (end < commands.size() && end - start < BATCH_COMMANDS && script.length() < BATCH_BYTES) {
                if (!script.isEmpty()) {
                    script.append(' ');
                }
                script.append(ShellQuoting.join(commands.get(end)))
                        .append(" 2>&1; echo ")
                        .append(ROW_MARKER)
                        .append(end - start)
                        .append(';');
                end++;
            }
            CommandOutput output = run(ShellCommand.script(script.toString()), end - start);
            outputs.addAll(splitByMarkers(output.allText(), end - start));
            start = end;
        }
        return outputs;
    }

    private static List<Optional<String>> splitByMarkers(String output, int count) {
        List<Optional<String>> outputs = new ArrayList<>(count);
        int from = 0;
        for (int i = 0; i < count; i++) {
            String marker = ROW_MARKER + i + "\n";
            int at = output.indexOf(marker, from);
            if (at < 0) {
                outputs.add(Optional.empty());
                continue;
            }
            outputs.add(Optional.of(output.substring(from, at)));
            from = at + marker.length();
        }
        return outputs;
    }

    /** The failure a command printed: a {@code content} error, a shell error, or a stack trace. */
    static Optional<String> commandError(String output) {
        try {
            ContentOutput.checkForErrors(output, output);
        } catch (ContentCommandException e) {
            return Optional.of(e.getMessage());
        }
        return output.contains("Exception") || output.contains("Error:") || output.contains("not found")
                ? Optional.of(abbreviate(output))
                : Optional.empty();
    }

    /** The failure a silent command printed: a {@code content} error, or any output at all. */
    static Optional<String> silentCommandError(String output) {
        try {
            ContentOutput.checkForErrors(output, output);
        } catch (ContentCommandException e) {
            return Optional.of(e.getMessage());
        }
        String text = output.strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(abbreviate(text));
    }

    /** The command line for {@code words}, each quoted only where the phone's sh needs it, so logs stay readable. */
    static ShellCommand command(List<String> words) {
        return ShellCommand.script(ShellQuoting.join(words));
    }

    static String abbreviate(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
