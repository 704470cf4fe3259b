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
        root.addSubcommand("init", new org.lifeboat.cli.repo.InitCommand());
        root.addSubcommand("key", new org.lifeboat.cli.repo.KeyCommand());
        root.addSubcommand("devices", new org.lifeboat.cli.device.DevicesCommand());
        root.addSubcommand("backup", new org.lifeboat.cli.repo.BackupCommand());
        root.addSubcommand("snapshots", new org.lifeboat.cli.repo.SnapshotsCommand());
        root.addSubcommand("ls", new org.lifeboat.cli.repo.LsCommand());
        root.addSubcommand("dump", new org.lifeboat.cli.repo.DumpCommand());
        root.addSubcommand("restore", new org.lifeboat.cli.repo.RestoreCommand());
        root.addSubcommand("verify", new org.lifeboat.cli.device.VerifyCommand());
        root.addSubcommand("transfer", new org.lifeboat.cli.device.TransferCommand());
        root.addSubcommand("forget", new org.lifeboat.cli.repo.ForgetCommand());
        root.addSubcommand("check", new org.lifeboat.cli.repo.CheckCommand());
        root.addSubcommand("prune", new org.lifeboat.cli.repo.PruneCommand());
        root.addSubcommand("unlock", new org.lifeboat.cli.repo.UnlockCommand());
        root.addSubcommand("virtual-phone", new org.lifeboat.cli.phone.VirtualPhoneCommand());
        root.addSubcommand("demo", new org.lifeboat.cli.device.DemoCommand());
        root.addSubcommand("help", new CommandLine.HelpCommand());
    }
}
