package org.lifeboat.adb.client;

/** A shell command on the phone exited with a non-zero status. */
public final class ShellCommandFailedException extends AdbException {
    private static final int QUOTED_LIMIT = 500;

    private final transient ShellResult result;

    ShellCommandFailedException(ShellCommand command, ShellResult result) {
        super("'" + abbreviate(command.toString()) + "' failed on the phone with exit code " + result.exitCode()
                + describeOutput(result));
        this.result = result;
    }

    public ShellResult result() {
        return result;
    }

    private static String describeOutput(ShellResult result) {
        String text = (result.stderrMerged() ? result.stdoutText() : result.stderrText()).strip();
        return text.isEmpty() ? "" : ": " + abbreviate(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= QUOTED_LIMIT ? text : text.substring(0, QUOTED_LIMIT) + "...";
    }
}
