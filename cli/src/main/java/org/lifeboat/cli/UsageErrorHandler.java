package org.lifeboat.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A bad command line gets one short error, a pointer to {@code --help}, and exit code 2 — not a wall of usage. */
final class UsageErrorHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("lifeboat: " + message(ex));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            var suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
            }
        }
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    private static String message(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            CommandLine commandLine = ex.getCommandLine();
            boolean hasSubcommands = !commandLine.getSubcommands().isEmpty();
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'";
            }
            return hasSubcommands ? "unknown command '" + first + "'" : "unexpected argument '" + first + "'";
        }
        return ex.getMessage();
    }
}
