package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A stand-in for the phone's shell: {@code echo WORDS}, {@code warn WORDS} (stderr), {@code cat}, {@code exit N}. */
final class FakeShell implements PhoneShell {
    @Override
    public int execute(String commandLine, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws IOException {
        String[] words = commandLine.split(" ", 2);
        String rest = words.length > 1 ? words[1] : "";
        switch (words[0]) {
            case "echo" -> stdout.write((rest + "\n").getBytes(StandardCharsets.UTF_8));
            case "warn" -> stderr.write((rest + "\n").getBytes(StandardCharsets.UTF_8));
            case "cat" -> stdin.transferTo(stdout);
            case "exit" -> {
                return Integer.parseInt(rest);
            }
            default -> {
                stderr.write(("/system/bin/sh: " + words[0] + ": inaccessible or not found\n")
                        .getBytes(StandardCharsets.UTF_8));
                return 127;
            }
        }
        return 0;
    }

    @Override
    public int executeArgv(List<String> argv, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws IOException {
        stdout.write(String.join("|", argv).getBytes(StandardCharsets.UTF_8));
        return 0;
    }

    @Override
    public int interactive(InputStream stdin, OutputStream stdout, OutputStream stderr, boolean prompt)
            throws IOException {
        stdout.write("$ ".getBytes(StandardCharsets.UTF_8));
        return 0;
    }
}
