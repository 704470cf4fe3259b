package org.lifeboat.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code lifeboat} entry point: builds the command tree, runs it, and turns the outcome into an exit code. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the streams are parameters so that tests can capture them. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = LifeboatCommand.newCommandLine(out, err);
        return commandLine.execute(args);
    }
}
