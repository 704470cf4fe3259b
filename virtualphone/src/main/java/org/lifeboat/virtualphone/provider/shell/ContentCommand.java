package org.lifeboat.virtualphone.provider.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.ContentProvider;
import org.lifeboat.virtualphone.provider.ProviderException;
import org.lifeboat.virtualphone.provider.sql.QueryResult;

/**
 * {@code content}: frameworks/base cmds/content Content.java. Usage errors print the usage and
 * {@code [ERROR] message} on stdout; provider failures print {@code Error while accessing provider:AUTHORITY} and
 * the exception on stderr; the exit status is 0 either way, because Content.main returns normally.
 */
public final class ContentCommand {
    private final Function<String, Optional<ContentProvider>> providers;
    private final int apiLevel;

    /** @param providers what getContentProviderExternal finds for an authority */
    public ContentCommand(Function<String, Optional<ContentProvider>> providers, int apiLevel) {
        this.providers = providers;
        this.apiLevel = apiLevel;
    }

    public int run(List<String> args, InputStream stdin, OutputStream stdout, OutputStream stderr, Caller caller)
            throws IOException {
        ContentRequest request;
        try {
            request = ContentArguments.parse(args, apiLevel);
        } catch (ContentArguments.UsageException e) {
            // System.out.println(USAGE) then System.out.println("[ERROR] " + message).
            write(stdout, ContentUsage.text(apiLevel >= 30) + "\n[ERROR] " + e.getMessage() + "\n");
            return 0;
        }
        String authority = request.uri().authority();
        try {
            execute(request, stdin, stdout, caller);
        } catch (ProviderException e) {
            stdout.flush();
            write(
                    stderr,
                    "Error while accessing provider:" + authority + "\n" + e + "\n"
                            + "\tat com.android.commands.content.Content$Command.execute(Content.java)\n"
                            + "\tat com.android.commands.content.Content.main(Content.java)\n");
        }
        return 0;
    }

    private void execute(ContentRequest request, InputStream stdin, OutputStream stdout, Caller caller)
            throws IOException {
        String authority = request.uri().authority();
        // A user that does not exist has no running provider, so the lookup fails the same way.
        ContentProvider provider = (request.userId() == 0
                        ? providers.apply(authority)
                        : Optional.<ContentProvider>empty())
                .orElseThrow(() -> ProviderException.illegalState("Could not find provider: " + authority));
        provider.checkOpen(caller);
        switch (request.operation()) {
            case "insert" -> provider.insert(caller, request.uri(), request.values());
            case "update" -> provider.update(caller, request.uri(), request.values(), request.where());
            case "delete" -> provider.delete(caller, request.uri(), request.where());
            case "query" ->
                printQuery(
                        provider.query(caller, request.uri(), request.projection(), request.where(), request.sort()),
                        stdout);
            case "read" -> stdout.write(provider.readFile(caller, request.uri()));
            case "write" -> provider.writeFile(caller, request.uri(), stdin.readAllBytes());
            case "gettype" -> write(stdout, "Result: " + provider.getType(request.uri()) + "\n");
            case "call" ->
                write(
                        stdout,
                        "Result: " + bundle(provider.call(caller, request.method(), request.arg(), request.extras()))
                                + "\n");
            default -> throw new IllegalStateException("parser accepted " + request.operation());
        }
    }

    /** QueryCommand.onExecute: one line per row, values unescaped, NULL and BLOB as those words. */
    private static void printQuery(QueryResult result, OutputStream stdout) throws IOException {
        if (result == null || result.rows().isEmpty()) {
            write(stdout, "No result found.\n");
            return;
        }
        List<String> columns = result.columns();
        StringBuilder line = new StringBuilder();
        for (int rowIndex = 0; rowIndex < result.rows().size(); rowIndex++) {
            Object[] row = result.rows().get(rowIndex);
            line.setLength(0);
            line.append("Row: ").append(rowIndex).append(' ');
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    line.append(", ");
                }
                int index = columnIndex(columns, columns.get(i));
                line.append(columns.get(i)).append('=').append(text(row[index]));
            }
            line.append('\n');
            write(stdout, line.toString());
        }
    }

    /**
     * AbstractCursor.getColumnIndex, which Content.java calls with each column's own name: the part after the last
     * '.', then the first case-insensitive match. Duplicate names therefore all print the first one's value.
     */
    private static int columnIndex(List<String> columns, String name) {
        String wanted = name.substring(name.lastIndexOf('.') + 1);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        throw ProviderException.illegalState("Couldn't read row 0, col -1 from CursorWindow."
                + "  Make sure the Cursor is initialized correctly before accessing data from it.");
    }

    /** FLOAT via getFloat (single precision), INTEGER via getLong, STRING raw, BLOB and NULL as words. */
    private static String text(Object value) {
        return switch (value) {
            case null -> "NULL";
            case Long l -> l.toString();
            case Double d -> String.valueOf(d.floatValue());
            case String s -> s;
            case byte[] bytes -> "BLOB";
            default -> throw new IllegalStateException("not an SQLite value: " + value);
        };
    }

    /** Bundle.toString after unparcelling: {@code Bundle[{k=v, ...}]} in ArrayMap order (ascending key hash). */
    static String bundle(Map<String, Object> entries) {
        if (entries == null) {
            return "null";
        }
        StringBuilder text = new StringBuilder("Bundle[{");
        List<Map.Entry<String, Object>> sorted = entries.entrySet().stream()
                .sorted((a, b) ->
                        Integer.compare(a.getKey().hashCode(), b.getKey().hashCode()))
                .toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(sorted.get(i).getKey()).append('=').append(sorted.get(i).getValue());
        }
        return text.append("}]").toString();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
