package org.lifeboat.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** The {@code lifeboat} entry point: builds the command tree, runs it, and turns the outcome into an exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // logback 1.5 sometimes logs from its own initialisation, which SLF4J then reports as a "replay" on every
        // start; that is noise for a command-line user.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        applyLogLevelFromEnvironment();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * {@code LIFEBOAT_LOG=debug|info|...} raises the log level. Done here rather than with a substitution in
     * logback.xml, because logback logs about substitutions while SLF4J is still initialising.
     */
    private static void applyLogLevelFromEnvironment() {
        String level = System.getenv("LIFEBOAT_LOG");
        if (level != null && !level.isBlank()) {
            var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.toLevel(level, Level.WARN));
        }
    }

    /** Runs one command line; the streams are parameters so that tests can capture them. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = LifeboatCommand.newCommandLine(out, err, args);
        return commandLine.execute(args);
    }
}
