package org.lifeboat.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.lifeboat.cli.repo.RepositoryOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The top-level {@code lifeboat} command; every feature is a subcommand registered here. */
@Command(
        name = "lifeboat",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Back up Android phones into encrypted, deduplicated restic repositories, and restore them.", ""
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success              1  fatal error          2  usage error",
            "  3  finished, but some items could not be read or written",
            " 10  repository does not exist    11  repository locked",
            " 12  wrong password      130  interrupted",
            "",
            "Run 'lifeboat COMMAND --help' for the options of one command."
        })
final class LifeboatCommand implements Runnable {
    @Spec
    CommandSpec spec;

    // restic users name the repository before the command (`restic -r PATH snapshots`); the repository commands read
    // these when they have no -r or --password-file of their own (RepositoryOptions).
    @Option(
            names = {"-r", "--repo"},
            paramLabel = "PATH",
            description = "Repository folder, for the repository commands (also accepted after the command's name).")
    Path repository;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "Read the repository password from FILE (also accepted after the command's name).")
    Path passwordFile;

    @Override
    public void run() {
        // `lifeboat` alone: show what can be done rather than fail.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with every subcommand. */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new LifeboatCommand());
        Commands.registerAll(commandLine);
        return configure(commandLine, out, err);
    }

    /** The command line for running {@code args}: the subcommand they name, or all when they name none. */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine commandLine = new CommandLine(new LifeboatCommand());
        Commands.registerFor(commandLine, args);
        return configure(commandLine, out, err);
    }

    /** Settings that picocli copies to the subcommands registered so far, so they come after registration. */
    private static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setExitCodeExceptionMapper(FailureHandler::exitCodeOf);
        commandLine.setExecutionStrategy(parseResult -> {
            refuseUnusedRepositoryOptions(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    /**
     * -r and --password-file before the command's name are for the repository commands; given to one that has no
     * repository (demo, virtual-phone) they would be silently ignored, so they are a usage error there.
     */
    private static void refuseUnusedRepositoryOptions(ParseResult root) {
        List<String> given = Stream.of("--repo", "--password-file")
                .filter(root::hasMatchedOption)
                .toList();
        if (given.isEmpty()
                || !root.hasSubcommand()
                || root.subcommand().commandSpec().userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        boolean usesRepository = false;
        String name = null;
        for (ParseResult command = root.subcommand(); command != null; command = command.subcommand()) {
            CommandSpec spec = command.commandSpec();
            name = spec.qualifiedName(" ");
            usesRepository |=
                    spec.mixins().values().stream().anyMatch(mixin -> mixin.userObject() instanceof RepositoryOptions);
            if (!command.hasSubcommand()) {
                break;
            }
        }
        if (!usesRepository) {
            throw new ParameterException(
                    root.commandSpec().commandLine(),
                    String.join(" and ", given) + (given.size() == 1 ? " names" : " name") + " a repository, and '"
                            + name + "' does not use one");
        }
    }
}
