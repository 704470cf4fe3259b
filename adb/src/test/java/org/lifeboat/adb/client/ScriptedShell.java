package org.lifeboat.adb.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake phone's shell: it runs nothing, it answers each command line from a script the test wrote. It knows the
 * sentinel wrapper of {@link SentinelFraming} well enough to unwrap it, so framing, exit codes and sessions can be
 * tested without any shell, and a command can never reach the host. Real shell semantics are tested against the
 * virtual phone instead (cli module, org.lifeboat.cli.adbclient).
 */
final class ScriptedShell {
    /** {@code (eval 'QUOTED') </dev/null[ 2>&1]; echo MARKER$?[; echo MARKER >&2]}. */
    private static final Pattern WRAPPED = Pattern.compile(
            "\\(eval '(.*)'\\) </dev/null( 2>&1)?; echo (LIFEBOAT_END_[0-9a-f]+)\\$\\?(; echo \\3 >&2)?\n?",
            Pattern.DOTALL);

    /** What a command prints and returns. */
    record Reply(byte[] stdout, byte[] stderr, int exitCode) {
        static Reply of(String stdout, String stderr, int exitCode) {
            return new Reply(
                    stdout.getBytes(StandardCharsets.UTF_8), stderr.getBytes(StandardCharsets.UTF_8), exitCode);
        }

        static Reply out(String stdout) {
            return of(stdout, "", 0);
        }
    }

    /** Where a reply goes: the shell protocol's two channels, or one raw stream. */
    interface Output {
        void stdout(byte[] bytes) throws IOException;

        void stderr(byte[] bytes) throws IOException;
    }

    private final Map<String, Reply> script = new ConcurrentHashMap<>();

    /** Makes {@code commandLine}, exactly as the client sends it, answer {@code reply}. */
    void on(String commandLine, Reply reply) {
        script.put(commandLine, reply);
    }

    /** Answers one command line (wrapped or not) and returns its exit status. */
    int run(String commandLine, Output output) throws IOException {
        Matcher wrapped = WRAPPED.matcher(commandLine);
        if (!wrapped.matches()) {
            return answer(commandLine, output);
        }
        String command = wrapped.group(1).replace("'\\''", "'");
        String marker = wrapped.group(3);
        Output inner = wrapped.group(2) != null ? merged(output) : output;
        int status = answer(command, inner);
        output.stdout((marker + status + "\n").getBytes(StandardCharsets.US_ASCII));
        if (wrapped.group(4) != null) {
            output.stderr((marker + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        return 0;
    }

    /**
     * {@code sh} reading command lines from stdin, as a {@link ShellSession} feeds it; a wrapped command may span
     * lines when its quoted text holds newlines. Ends at end of input or {@code exit}.
     */
    void session(InputStream stdin, Output output) throws IOException {
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int b; (b = stdin.read()) >= 0; ) {
            pending.write(b);
            if (b != '\n') {
                continue;
            }
            String text = pending.toString(StandardCharsets.UTF_8);
            if (text.equals("exit\n")) {
                return;
            }
            if (WRAPPED.matcher(text).matches()) {
                pending.reset();
                run(text, output);
            }
        }
    }

    private int answer(String command, Output output) throws IOException {
        Reply reply = script.get(command);
        if (reply == null) {
            output.stderr(
                    ("/system/bin/sh: " + command + ": not in this test's script\n").getBytes(StandardCharsets.UTF_8));
            return 127;
        }
        output.stdout(reply.stdout());
        output.stderr(reply.stderr());
        return reply.exitCode();
    }

    private static Output merged(Output output) {
        return new Output() {
            @Override
            public void stdout(byte[] bytes) throws IOException {
                output.stdout(bytes);
            }

            @Override
            public void stderr(byte[] bytes) throws IOException {
                output.stdout(bytes);
            }
        };
    }

    /** An output where both channels go to one raw stream, as {@code shell:} and {@code exec:} have. */
    static Output raw(OutputStream out) {
        return new Output() {
            @Override
            public void stdout(byte[] bytes) throws IOException {
                out.write(bytes);
            }

            @Override
            public void stderr(byte[] bytes) throws IOException {
                out.write(bytes);
            }
        };
    }
}
