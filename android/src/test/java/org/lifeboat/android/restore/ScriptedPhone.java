package org.lifeboat.android.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.InstallFailedException;
import org.lifeboat.adb.client.RemoteDirEntry;
import org.lifeboat.adb.client.RemoteFileException;
import org.lifeboat.adb.client.RemoteFileStat;
import org.lifeboat.adb.client.ShellCommand;

/**
 * A phone that answers from a script: every command line is recorded exactly as sent, and answered by the first
 * rule whose text it contains (a rule with several answers gives them in turn, repeating the last). Batched scripts
 * are split at their row markers so that each command is recorded and answered on its own, and the markers echoed.
 * Pushes and listings may come from several threads, as {@link TargetPhone} allows.
 */
final class ScriptedPhone implements TargetPhone {
    private static final Pattern BATCH_SEPARATOR = Pattern.compile(" 2>&1; echo LIFEBOAT_ROW_(\\d+);");

    private final int apiLevel;
    private final Map<String, Deque<Function<String, String>>> rules = new LinkedHashMap<>();
    final List<String> commands = new ArrayList<>();
    final Map<DevicePath, RemoteFileStat> files = new LinkedHashMap<>();
    final Map<DevicePath, byte[]> pushed = new LinkedHashMap<>();
    final List<String> installs = new ArrayList<>();
    final Deque<String> installFailures = new ArrayDeque<>();
    int roundTrips;
    /** Runs at the start of each push, outside the phone's lock, so that a push can stall or fail like a socket. */
    volatile PushHook beforePush = path -> {};

    private boolean caseInsensitive;

    ScriptedPhone(int apiLevel) {
        this.apiLevel = apiLevel;
    }

    /** Answers commands containing {@code fragment} with these stdouts, in turn; the last one repeats. */
    ScriptedPhone answer(String fragment, String... stdouts) {
        Deque<Function<String, String>> answers = new ArrayDeque<>();
        for (String stdout : stdouts) {
            answers.add(command -> stdout);
        }
        rules.put(fragment, answers);
        return this;
    }

    /** Resolves pushed names regardless of case, as shared storage does: a push overwrites a file of another case. */
    ScriptedPhone caseInsensitive() {
        caseInsensitive = true;
        return this;
    }

    interface PushHook {
        void run(DevicePath path) throws IOException;
    }

    List<String> commandsContaining(String fragment) {
        return commands.stream().filter(c -> c.contains(fragment)).toList();
    }

    @Override
    public int apiLevel() {
        return apiLevel;
    }

    @Override
    public CommandOutput run(ShellCommand command) {
        roundTrips++;
        String script = command.toString();
        Matcher separator = BATCH_SEPARATOR.matcher(script);
        if (!separator.find()) {
            return CommandOutput.ofStdout(respond(script));
        }
        StringBuilder stdout = new StringBuilder();
        int start = 0;
        separator.reset();
        while (separator.find()) {
            stdout.append(respond(script.substring(start, separator.start()).strip()));
            stdout.append("LIFEBOAT_ROW_").append(separator.group(1)).append('\n');
            start = separator.end();
        }
        return CommandOutput.ofStdout(stdout.toString());
    }

    private String respond(String command) {
        commands.add(command);
        for (var rule : rules.entrySet()) {
            if (command.contains(rule.getKey())) {
                Deque<Function<String, String>> answers = rule.getValue();
                Function<String, String> answer = answers.size() > 1 ? answers.poll() : answers.peek();
                return answer.apply(command);
            }
        }
        return "";
    }

    @Override
    public synchronized List<RemoteDirEntry> list(DevicePath directory) {
        return files.entrySet().stream()
                .filter(file -> PhoneFolders.parent(file.getKey()).equals(directory))
                .map(file -> new RemoteDirEntry(file.getKey().fileName(), file.getValue()))
                .toList();
    }

    @Override
    public void push(InputStream content, DevicePath path, int mode, Instant mtime) throws IOException {
        beforePush.run(path);
        synchronized (this) {
            if (path.toString().contains("refused")) {
                throw new RemoteFileException(path, "Operation not permitted");
            }
            byte[] bytes = content.readAllBytes();
            pushed.put(path, bytes);
            DevicePath stored = caseInsensitive
                    ? files.keySet().stream()
                            .filter(existing -> existing.toString().equalsIgnoreCase(path.toString()))
                            .findFirst()
                            .orElse(path)
                    : path;
            files.put(
                    stored,
                    new RemoteFileStat(mode, bytes.length, Instant.ofEpochSecond(mtime.getEpochSecond()), true));
        }
    }

    @Override
    public void install(List<ApkFile> apks, List<String> options) throws IOException {
        installs.add(String.join(" ", options) + " "
                + String.join(" ", apks.stream().map(ApkFile::name).toList()));
        String failure = installFailures.poll();
        if (failure != null) {
            throw new InstallFailedException(failure);
        }
    }
}
