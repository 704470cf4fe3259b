package org.lifeboat.cli;

/** An error whose message is written for the user and which carries its own exit code. */
public class UserFacingException extends RuntimeException {
    private final ExitCode exitCode;

    public UserFacingException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserFacingException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
