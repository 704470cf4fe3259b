package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The phone's {@code /system/bin/sh} as adbd uses it. The transport only moves bytes; the shell decides what
 * commands do. Each method returns the exit status, 0..255.
 */
public interface PhoneShell {
    /** {@code sh -c commandLine}, for {@code shell:…} and {@code exec:…}. */
    int execute(String commandLine, InputStream stdin, OutputStream stdout, OutputStream stderr) throws IOException;

    /** One program with exactly these arguments and no shell parsing, for {@code abb_exec:} and {@code abb:}. */
    int executeArgv(List<String> argv, InputStream stdin, OutputStream stdout, OutputStream stderr) throws IOException;

    /** A login shell reading lines from stdin, for {@code adb shell} without a command; prompts when on a pty. */
    int interactive(InputStream stdin, OutputStream stdout, OutputStream stderr, boolean prompt) throws IOException;
}
