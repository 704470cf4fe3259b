package org.lifeboat.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The list of subcommands, in the order {@code --help} shows them.
 *
 * <p>Each feature adds one line here; the command classes themselves stay in their own files. The commands are
 * constructed only when registered: picocli builds a command's model by reflection over its annotations, so a run
 * that names its subcommand builds just that one ({@link #registerFor}).
 */
final class Commands {
    private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("init", org.lifeboat.cli.repo.InitCommand::new);
        ALL.put("key", org.lifeboat.cli.repo.KeyCommand::new);
        ALL.put("devices", org.lifeboat.cli.device.DevicesCommand::new);
        ALL.put("backup", org.lifeboat.cli.repo.BackupCommand::new);
        ALL.put("snapshots", org.lifeboat.cli.repo.SnapshotsCommand::new);
        ALL.put("ls", org.lifeboat.cli.repo.LsCommand::new);
        ALL.put("dump", org.lifeboat.cli.repo.DumpCommand::new);
        ALL.put("restore", org.lifeboat.cli.repo.RestoreCommand::new);
        ALL.put("verify", org.lifeboat.cli.device.VerifyCommand::new);
        ALL.put("transfer", org.lifeboat.cli.device.TransferCommand::new);
        ALL.put("forget", org.lifeboat.cli.repo.ForgetCommand::new);
        ALL.put("check", org.lifeboat.cli.repo.CheckCommand::new);
        ALL.put("prune", org.lifeboat.cli.repo.PruneCommand::new);
        ALL.put("unlock", org.lifeboat.cli.repo.UnlockCommand::new);
        ALL.put("repair", org.lifeboat.cli.repo.RepairCommand::new);
        ALL.put("virtual-phone", org.lifeboat.cli.phone.VirtualPhoneCommand::new);
        ALL.put("demo", org.lifeboat.cli.device.DemoCommand::new);
        ALL.put("help", CommandLine.HelpCommand::new);
    }

    private Commands() {}

    static void registerAll(CommandLine root) {
        ALL.forEach((name, command) -> root.addSubcommand(name, command.get()));
    }

    /**
     * Registers only the subcommand that {@code args} starts with, when it names one; otherwise (no arguments, an
     * option, {@code help}, or an unknown name, whose messages list or suggest commands) registers all of them.
     */
    static void registerFor(CommandLine root, String[] args) {
        int at = firstAfterGlobalOptions(args);
        String name = at < args.length ? args[at] : null;
        Supplier<Object> named = name == null || name.equals("help") ? null : ALL.get(name);
        if (named == null) {
            registerAll(root);
        } else {
            root.addSubcommand(name, named.get());
        }
    }

    /** The index of the first argument after the options that may precede the command's name (-r, --password-file). */
    private static int firstAfterGlobalOptions(String[] args) {
        int at = 0;
        while (at < args.length) {
            String arg = args[at];
            if (arg.equals("-r") || arg.equals("--repo") || arg.equals("--password-file")) {
                at += 2;
            } else if (arg.startsWith("--repo=") || arg.startsWith("--password-file=") || arg.startsWith("-r")) {
                at += 1;
            } else {
                break;
            }
        }
        return at;
    }
}
