package org.lifeboat.virtualphone.shell;

import java.io.IOException;

/**
 * A program the phone's shell can run, such as toybox's {@code ls} or the framework's {@code pm}. It never runs
 * anything on the host: it works on the virtual device it is handed.
 */
@FunctionalInterface
public interface ShellCommand {
    /**
     * Runs once with the given arguments and streams.
     *
     * @return the exit status (only the low 8 bits reach the caller, as on Linux)
     * @throws IOException when a stream fails, for example because the reader of a pipe went away
     */
    int run(CommandContext context) throws IOException;
}
