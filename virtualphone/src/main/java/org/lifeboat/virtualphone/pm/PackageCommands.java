package org.lifeboat.virtualphone.pm;

import java.io.IOException;
import java.util.List;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.CommandRegistry;
import org.lifeboat.virtualphone.shell.ShellCommand;

/** Registers {@code pm}, {@code cmd}, the {@code package} binder service and {@code dumpsys}. */
public final class PackageCommands {
    private PackageCommands() {}

    public static void registerAll(CommandRegistry registry) {
        PmCommand pm = new PmCommand();
        registry.registerCommand("pm", pm);
        registry.registerService("package", pm);
        registry.registerCommand("cmd", PackageCommands::cmd);
        registry.registerCommand("dumpsys", new DumpsysCommand());
    }

    /**
     * frameworks/native cmds/cmd/cmd.cpp: {@code cmd SERVICE ARGS...} runs the service's shell command; a missing or
     * unknown service is reported on stderr with exit status 20.
     */
    private static int cmd(CommandContext context) throws IOException {
        List<String> args = context.args();
        if (args.isEmpty()) {
            context.err("cmd: No service specified; use -l to list all services\n");
            return 20;
        }
        if (args.get(0).equals("-l")) {
            context.out("Currently running services:\n");
            for (String name : List.of("activity", "package")) {
                context.out("  " + name + "\n");
            }
            return 0;
        }
        ShellCommand service = context.device().commands().service(args.get(0)).orElse(null);
        if (service == null) {
            context.err("cmd: Can't find service: " + args.get(0) + "\n");
            return 20;
        }
        return service.run(context.forProgram(args.get(0), args.subList(1, args.size())));
    }
}
