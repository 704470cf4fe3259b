package org.lifeboat.adb.client;

import java.nio.charset.StandardCharsets;

/**
 * What a finished shell command produced. Output is kept as bytes because commands print file names and message
 * bodies that need not be UTF-8.
 */
public final class ShellResult {
    private final byte[] stdout;
    private final byte[] stderr;
    private final int exitCode;
    private final boolean stderrMerged;

    ShellResult(byte[] stdout, byte[] stderr, int exitCode, boolean stderrMerged) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.exitCode = exitCode;
        this.stderrMerged = stderrMerged;
    }

    public byte[] stdout() {
        return stdout.clone();
    }

    public byte[] stderr() {
        return stderr.clone();
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The exit status, 0..255; {@code 128 + n} when the command died from signal {@code n}. */
    public int exitCode() {
        return exitCode;
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * Whether stderr is folded into {@link #stdout()} (phones without the shell protocol cannot separate them), in
     * which case {@link #stderr()} is empty.
     */
    public boolean stderrMerged() {
        return stderrMerged;
    }

    /** This result if the command succeeded, else a {@link ShellCommandFailedException} that quotes its stderr. */
    public ShellResult requireSuccess(ShellCommand command) throws ShellCommandFailedException {
        if (!succeeded()) {
            throw new ShellCommandFailedException(command, this);
        }
        return this;
    }

    @Override
    public String toString() {
        return "ShellResult[exit " + exitCode + ", " + stdout.length + " bytes out, " + stderr.length + " bytes err]";
    }
}
