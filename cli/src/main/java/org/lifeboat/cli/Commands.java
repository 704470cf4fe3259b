package org.lifeboat.cli;

import picocli.CommandLine;

/**
 * The list of subcommands, in the order {@code --help} shows them.
 *
 * <p>Each feature adds one line here; the command classes themselves stay in their own files.
 */
final class Commands {
    private Commands() {}

    static void registerAll(CommandLine root) {
        root.addSubcommand("help", new CommandLine.HelpCommand());
    }
}
