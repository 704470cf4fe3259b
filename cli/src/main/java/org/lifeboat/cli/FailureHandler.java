package org.lifeboat.cli;

import java.io.PrintWriter;
import org.lifeboat.cli.repo.RepositoryExitCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception that escaped a command into one clear line on stderr and an exit code.
 *
 * <p>Users never see a stack trace; it goes to the debug log ({@code LIFEBOAT_LOG=debug}) for bug reports.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        log.debug("command failed", ex);
        err.println("lifeboat: " + describe(ex));
        err.flush();
        return exitCodeOf(ex);
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof UserFacingException userFacing) {
            return userFacing.exitCode().code();
        }
        if (ex instanceof InterruptedException) {
            return ExitCode.INTERRUPTED.code();
        }
        return RepositoryExitCodes.of(ex).orElse(ExitCode.FATAL).code();
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        if (ex instanceof UserFacingException || (message != null && !message.isBlank())) {
            return message;
        }
        return "unexpected " + ex.getClass().getSimpleName() + "; run with LIFEBOAT_LOG=debug for details";
    }
}
