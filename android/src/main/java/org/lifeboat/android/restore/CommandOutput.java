package org.lifeboat.android.restore;

/**
 * What one shell command printed. {@code content} always exits 0 and reports failures in its text, so callers look
 * at the text, not only at the exit code.
 *
 * @param stderr empty when the phone has no shell protocol and stderr was folded into {@code stdout}
 */
public record CommandOutput(String stdout, String stderr, int exitCode) {

    public CommandOutput {
        if (stdout == null || stderr == null) {
            throw new IllegalArgumentException("command output streams must not be null");
        }
    }

    public static CommandOutput ofStdout(String stdout) {
        return new CommandOutput(stdout, "", 0);
    }

    /** Both streams, for looking for error text wherever the phone put it. */
    public String allText() {
        return stderr.isEmpty() ? stdout : stdout + "\n" + stderr;
    }
}
