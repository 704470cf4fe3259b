package org.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void versionNamesLifeboatAndTheJavaRuntime() {
        int code = run("--version");

        assertThat(code).isZero();
        assertThat(out.toString())
                .startsWith("lifeboat ")
                .contains("Java " + Runtime.version().feature());
    }

    @Test
    void helpListsEveryCommandWithADescription() {
        int code = run("--help");

        assertThat(code).isZero();
        String help = out.toString();
        assertThat(help).contains("Commands:").contains("Exit codes:");
        var root = LifeboatCommand.newCommandLine(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (var entry : root.getSubcommands().entrySet()) {
            String[] description =
                    entry.getValue().getCommandSpec().usageMessage().description();
            assertThat(description)
                    .as("command %s has a one-line description", entry.getKey())
                    .isNotEmpty();
            assertThat(help).contains(entry.getKey());
        }
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuiltAndKeepsTheRootsSettings() {
        var commandLine = LifeboatCommand.newCommandLine(
                new PrintWriter(out, true), new PrintWriter(err, true), new String[] {"snapshots", "--help"});

        assertThat(commandLine.getSubcommands()).containsOnlyKeys("snapshots");
        var snapshots = commandLine.getSubcommands().get("snapshots");
        assertThat(snapshots.getOut()).isSameAs(commandLine.getOut());
        assertThat(snapshots.getParameterExceptionHandler()).isInstanceOf(UsageErrorHandler.class);
        assertThat(snapshots.getExecutionExceptionHandler()).isInstanceOf(FailureHandler.class);
    }

    @Test
    void helpAndUnknownNamesBuildEveryCommand() {
        int all = LifeboatCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err))
                .getSubcommands()
                .size();

        for (String[] args : new String[][] {{}, {"help", "backup"}, {"--help"}, {"frobnicate"}}) {
            assertThat(LifeboatCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err), args)
                            .getSubcommands())
                    .as("subcommands for %s", String.join(" ", args))
                    .hasSize(all);
        }
    }

    @Test
    void helpForOneCommandWorks() {
        int code = run("help", "restore");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--target");
    }

    @Test
    void unknownCommandIsAShortUsageErrorWithExitCode2() {
        int code = run("frobnicate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("unknown command 'frobnicate'")
                .contains("--help")
                .doesNotContain("Exception")
                .doesNotContain("Usage:");
        assertThat(err.toString().lines()).hasSizeBetween(2, 3);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownOptionIsAShortUsageErrorWithExitCode2() {
        int code = run("--frobnicate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option '--frobnicate'").contains("--help");
    }

    @Test
    void exitCodesMatchRestics() {
        assertThat(ExitCode.SUCCESS.code()).isZero();
        assertThat(ExitCode.FATAL.code()).isEqualTo(1);
        assertThat(ExitCode.USAGE.code()).isEqualTo(2);
        assertThat(ExitCode.INCOMPLETE.code()).isEqualTo(3);
        assertThat(ExitCode.REPOSITORY_DOES_NOT_EXIST.code()).isEqualTo(10);
        assertThat(ExitCode.REPOSITORY_LOCKED.code()).isEqualTo(11);
        assertThat(ExitCode.WRONG_PASSWORD.code()).isEqualTo(12);
        assertThat(ExitCode.INTERRUPTED.code()).isEqualTo(130);
    }

    @Test
    void userFacingFailuresBecomeOneLineAndTheirExitCode() {
        var handler = new FailureHandler();
        var commandLine = LifeboatCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true));

        int code = handler.handleExecutionException(
                new UserFacingException(ExitCode.WRONG_PASSWORD, "wrong password or no key found"), commandLine, null);

        assertThat(code).isEqualTo(12);
        assertThat(err.toString()).isEqualTo("lifeboat: wrong password or no key found" + System.lineSeparator());
    }
}
