package org.lifeboat.virtualphone.toybox;

import org.lifeboat.virtualphone.shell.CommandRegistry;

/** Registers the toybox applets Android ships in /system/bin (Android 8.1's toybox list has all of these). */
public final class Toybox {
    private Toybox() {}

    public static void registerAll(CommandRegistry registry) {
        registry.registerCommand("ls", new Ls());
        registry.registerCommand("stat", new Stat());
        registry.registerCommand("find", new Find());
        registry.registerCommand("touch", new Touch());
        registry.registerCommand("tar", new Tar());
        registry.registerCommand("cat", FileCommands::cat);
        registry.registerCommand("rm", FileCommands::rm);
        registry.registerCommand("mkdir", FileCommands::mkdir);
        registry.registerCommand("mv", FileCommands::mv);
        registry.registerCommand("cp", FileCommands::cp);
        registry.registerCommand("sha256sum", TextCommands.digest("SHA-256"));
        registry.registerCommand("sha1sum", TextCommands.digest("SHA-1"));
        registry.registerCommand("md5sum", TextCommands.digest("MD5"));
        registry.registerCommand("wc", TextCommands::wc);
        registry.registerCommand("df", TextCommands::df);
        registry.registerCommand("id", TextCommands::id);
    }
}
