package org.lifeboat.cli;

/**
 * The process exit codes, the same as restic's so that scripts written for one work with the other.
 *
 * <p>Documented in the README; change both together.
 */
public enum ExitCode {
    SUCCESS(0),
    /** A fatal error: nothing useful was done, or the result cannot be trusted. */
    FATAL(1),
    /** The command line was wrong: unknown command, unknown flag, bad value. */
    USAGE(2),
    /** The command finished, but some items could not be read or written; they are listed. */
    INCOMPLETE(3),
    REPOSITORY_DOES_NOT_EXIST(10),
    REPOSITORY_LOCKED(11),
    WRONG_PASSWORD(12),
    /** Interrupted by Ctrl-C (SIGINT), as a shell reports 128 + 2. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
