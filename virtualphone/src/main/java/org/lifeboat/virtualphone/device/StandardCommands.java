package org.lifeboat.virtualphone.device;

import java.util.Map;
import org.lifeboat.virtualphone.am.ActivityManagerCommand;
import org.lifeboat.virtualphone.pm.PackageCommands;
import org.lifeboat.virtualphone.toybox.Toybox;

/** The programs every phone has before other components add theirs. */
final class StandardCommands {
    private StandardCommands() {}

    static void install(VirtualDevice device) {
        Toybox.registerAll(device.commands());
        PackageCommands.registerAll(device.commands());
        device.registerCommand("am", new ActivityManagerCommand());
        device.registerService("activity", new ActivityManagerCommand());
        device.registerCommand("getprop", StandardCommands::getprop);
        device.registerCommand("app_process", context -> {
            context.err("app_process: running dex code is not supported by the Lifeboat virtual phone\n");
            return 1;
        });
    }

    /**
     * {@code getprop}: all properties as {@code [key]: [value]} lines sorted by key, or one value (an empty line when
     * unset, or the given default), as system/core toolbox/getprop.cpp prints them.
     */
    private static int getprop(org.lifeboat.virtualphone.shell.CommandContext context) throws java.io.IOException {
        Map<String, String> props = context.device().properties();
        if (context.args().isEmpty()) {
            StringBuilder out = new StringBuilder();
            props.forEach((key, value) ->
                    out.append('[').append(key).append("]: [").append(value).append("]\n"));
            context.out(out.toString());
            return 0;
        }
        String key = context.args().get(0);
        String fallback = context.args().size() > 1 ? context.args().get(1) : "";
        context.out(props.getOrDefault(key, fallback) + "\n");
        return 0;
    }
}
