package org.lifeboat.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import org.slf4j.simple.SimpleLogger;
import picocli.CommandLine;

/** The {@code lifeboat} entry point: builds the command tree, runs it, and turns the outcome into an exit code. */
public final class Main {
    private Main() {}

    /** What {@code LIFEBOAT_LOG} may say; anything else leaves the default, warnings and errors only. */
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    public static void main(String[] args) {
        // SLF4J's own notices (about providers) are noise for a command-line user.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        applyLogLevelFromEnvironment();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * {@code LIFEBOAT_LOG=debug|info|...} raises the log level (simplelogger.properties sets the rest). A system
     * property overrides that file, and it must be set before the first logger exists, so here, first thing.
     */
    private static void applyLogLevelFromEnvironment() {
        String level = System.getenv("LIFEBOAT_LOG");
        String normalized = level == null ? "" : level.strip().toLowerCase(Locale.ROOT);
        if (LOG_LEVELS.contains(normalized)) {
            System.setProperty(SimpleLogger.DEFAULT_LOG_LEVEL_KEY, normalized);
        }
    }

    /** Runs one command line; the streams are parameters so that tests can capture them. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = LifeboatCommand.newCommandLine(out, err, args);
        return commandLine.execute(args);
    }
}
