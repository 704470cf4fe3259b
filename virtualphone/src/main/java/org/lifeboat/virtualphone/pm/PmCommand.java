package org.lifeboat.virtualphone.pm;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.lifeboat.virtualphone.device.InstallException;
import org.lifeboat.virtualphone.device.InstalledPackage;
import org.lifeboat.virtualphone.device.PackageManager;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.ShellCommand;

/**
 * {@code pm} / {@code cmd package}, reproducing PackageManagerShellCommand's output: {@code list packages},
 * {@code path}, {@code install}, {@code install-create/-write/-commit/-abandon} and {@code uninstall}.
 */
final class PmCommand implements ShellCommand {
    @Override
    public int run(CommandContext context) throws IOException {
        List<String> args = context.args();
        if (args.isEmpty()) {
            context.out("Package manager (package) commands:\n  list packages [-f] [-d] [-e] [-s] [-3] [-i] [-U]"
                    + " [--show-versioncode] [FILTER]\n  path PACKAGE\n  install [-R] [-d] [-i PACKAGE] [-S SIZE]"
                    + " [--bypass-low-target-sdk-block] [PATH|-]\n  install-create [-S SIZE]\n"
                    + "  install-write [-S SIZE] SESSION NAME [PATH|-]\n  install-commit SESSION\n"
                    + "  install-abandon SESSION\n  uninstall PACKAGE\n");
            return 0;
        }
        Arguments rest = new Arguments(args.subList(1, args.size()));
        try {
            return switch (args.get(0)) {
                case "list" -> list(context, rest);
                case "path" -> path(context, rest);
                case "install" -> install(context, rest);
                case "install-create" -> installCreate(context, rest);
                case "install-write" -> installWrite(context, rest);
                case "install-commit" -> installCommit(context, rest);
                case "install-abandon", "install-destroy" -> installAbandon(context, rest);
                case "uninstall" -> uninstall(context, rest);
                default -> {
                    // ShellCommand.handleDefaultCommands
                    context.out("Unknown command: " + args.get(0) + "\n");
                    yield 255;
                }
            };
        } catch (IllegalArgumentException e) {
            // ShellCommand.exec reports an escaping exception on stderr and returns -1.
            context.err("Exception occurred while executing '" + args.get(0) + "':\n"
                    + "java.lang.IllegalArgumentException: " + e.getMessage() + "\n");
            return 255;
        }
    }

    /** runListPackages: "package:[PATH=]NAME[ versionCode:N][  installer=X][ uid:U]", sorted by name here. */
    private static int list(CommandContext context, Arguments args) throws IOException {
        String type = args.next();
        if (type == null) {
            context.out("Error: didn't specify type of data to list\n");
            return 255;
        }
        if (!type.equals("packages") && !type.equals("package")) {
            context.out("Error: unknown list type '" + type + "'\n");
            return 255;
        }
        ListFilter filter = new ListFilter();
        String option;
        while ((option = args.nextOption()) != null) {
            switch (option) {
                case "-f" -> filter.sourceDir = true;
                case "-3" -> filter.thirdParty = true;
                case "-s" -> filter.system = true;
                case "-i" -> filter.installer = true;
                case "-U" -> filter.uid = true;
                case "-d" -> filter.disabledOnly = true;
                case "-e", "-l", "-u", "-a" -> {}
                case "--show-versioncode" -> filter.versionCode = true;
                case "--user" -> args.required(option);
                case "--uid" -> filter.onlyUid = Integer.parseInt(args.required(option));
                default -> {
                    context.out("Error: Unknown option: " + option + "\n");
                    return 255;
                }
            }
        }
        String nameFilter = args.next();
        StringBuilder out = new StringBuilder();
        for (InstalledPackage p : context.device().packages().list()) {
            if (filter.matches(p) && (nameFilter == null || p.packageName().contains(nameFilter))) {
                out.append("package:");
                if (filter.sourceDir) {
                    out.append(p.baseApk()).append('=');
                }
                out.append(p.packageName());
                if (filter.versionCode) {
                    out.append(" versionCode:").append(p.versionCode());
                }
                if (filter.installer) {
                    out.append("  installer=").append(p.installer().orElse("null"));
                }
                if (filter.uid) {
                    out.append(" uid:").append(p.uid());
                }
                out.append('\n');
            }
        }
        context.out(out.toString());
        return 0;
    }

    /** displayPackageFilePath: base then split paths, each "package:PATH"; status 1 and no output if unknown. */
    private static int path(CommandContext context, Arguments args) throws IOException {
        String option;
        while ((option = args.nextOption()) != null) {
            if (option.equals("--user")) {
                args.required(option);
            }
        }
        String name = args.next();
        if (name == null) {
            context.err("Error: no package specified\n");
            return 1;
        }
        Optional<InstalledPackage> installed = context.device().packages().find(name);
        if (installed.isEmpty()) {
            return 1;
        }
        StringBuilder out = new StringBuilder();
        installed.get().apkPaths().forEach(path -> out.append("package:")
                .append(path)
                .append('\n'));
        context.out(out.toString());
        return 0;
    }

    /** runInstall: one session holding PATH (or stdin for "-" / -S) as base.apk, then commit; "Success". */
    private static int install(CommandContext context, Arguments args) throws IOException {
        InstallRequest request = InstallRequest.parse(args, context.device().apiLevel());
        String path = args.next();
        if (path == null && request.size() < 0) {
            context.out("Error: must either specify a package size or an APK file\n");
            return 1;
        }
        PackageManager packages = context.device().packages();
        int session = packages.createSession(request.options());
        try {
            if (!write(context, session, "base.apk", path, request.size(), false)) {
                packages.abandonSession(session);
                return 1;
            }
            packages.commitSession(session);
            context.out("Success\n");
            return 0;
        } catch (InstallException e) {
            context.out("Failure [" + e.getMessage() + "]\n");
            return 1;
        }
    }

    private static int installCreate(CommandContext context, Arguments args) throws IOException {
        InstallRequest request = InstallRequest.parse(args, context.device().apiLevel());
        int session = context.device().packages().createSession(request.options());
        // "NOTE: adb depends on parsing this string" (PackageManagerShellCommand.runInstallCreate)
        context.out("Success: created install session [" + session + "]\n");
        return 0;
    }

    private static int installWrite(CommandContext context, Arguments args) throws IOException {
        long size = -1;
        String option;
        while ((option = args.nextOption()) != null) {
            if (!option.equals("-S")) {
                throw new IllegalArgumentException("Unknown option: " + option);
            }
            size = Long.parseLong(args.required(option));
        }
        int session = sessionId(args.next());
        String name = args.next();
        String path = args.next();
        try {
            return write(context, session, name, path, size, true) ? 0 : 1;
        } catch (InstallException e) {
            context.err("Error: failed to write; " + e.detail() + "\n");
            return 1;
        }
    }

    private static int installCommit(CommandContext context, Arguments args) throws IOException {
        int session = sessionId(args.next());
        try {
            context.device().packages().commitSession(session);
            context.out("Success\n");
            return 0;
        } catch (InstallException e) {
            context.out("Failure [" + e.getMessage() + "]\n");
            return InstallStatus.of(e.code());
        }
    }

    private static int installAbandon(CommandContext context, Arguments args) throws IOException {
        int session = sessionId(args.next());
        try {
            context.device().packages().abandonSession(session);
            context.out("Success\n");
            return 0;
        } catch (InstallException e) {
            throw new IllegalArgumentException(e.detail());
        }
    }

    private static int uninstall(CommandContext context, Arguments args) throws IOException {
        String option;
        while ((option = args.nextOption()) != null) {
            if (option.equals("--user") || option.equals("--versionCode")) {
                args.required(option);
            }
        }
        String name = args.next();
        if (name == null) {
            context.out("Error: package name not specified\n");
            return 1;
        }
        try {
            context.device().packages().uninstall(name);
            context.out("Success\n");
            return 0;
        } catch (InstallException e) {
            context.out("Failure [" + e.getMessage() + "]\n");
            return 1;
        }
    }

    /**
     * doWriteSplit: the bytes come from stdin for "-" or no path (exactly SIZE of them), otherwise from the phone
     * file, whose own size counts.
     */
    private static boolean write(
            CommandContext context, int session, String name, String path, long size, boolean logSuccess)
            throws IOException, InstallException {
        PackageManager packages = context.device().packages();
        long written;
        if (path == null || path.equals("-")) {
            if (size <= 0) {
                context.err("Error: must specify a APK size\n");
                return false;
            }
            packages.writeSession(session, name, context.stdin(), size);
            written = size;
        } else {
            String phonePath = context.resolve(path);
            try (InputStream in = context.fileSystem().openRead(phonePath)) {
                written = context.fileSystem().stat(phonePath).size();
                packages.writeSession(session, name, in, written);
            } catch (PhoneFileException e) {
                context.err("Error: Can't open file: " + path + "\n");
                return false;
            }
        }
        if (logSuccess) {
            context.out("Success: streamed " + written + " bytes\n");
        }
        return true;
    }

    private static int sessionId(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Session ID not specified");
        }
        return Integer.parseInt(text);
    }

    /** The -3/-s/-d filters of runListPackages. */
    private static final class ListFilter {
        boolean sourceDir;
        boolean thirdParty;
        boolean system;
        boolean installer;
        boolean uid;
        boolean versionCode;
        boolean disabledOnly;
        Integer onlyUid;

        boolean matches(InstalledPackage p) {
            return !disabledOnly
                    && (!system || p.system())
                    && (!thirdParty || !p.system())
                    && (onlyUid == null || p.uid() == onlyUid);
        }
    }
}
