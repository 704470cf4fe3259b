package org.lifeboat.virtualphone.provider.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.lifeboat.virtualphone.provider.AppOps;

/**
 * {@code appops get|set PACKAGE [OP] [MODE]}: AppOpsService.Shell of frameworks/base. Enough for the WRITE_SMS
 * switch restores use; failures print {@code Error: ...} on stderr with status 255.
 */
public final class AppOpsCommand {
    private static final int FAILURE = 255;

    private final AppOps appOps;
    private final int apiLevel;

    public AppOpsCommand(AppOps appOps, int apiLevel) {
        this.appOps = appOps;
        this.apiLevel = apiLevel;
    }

    public int run(List<String> args, OutputStream stdout, OutputStream stderr) throws IOException {
        if (args.isEmpty() || !List.of("get", "set").contains(args.get(0))) {
            return fail(stderr, args.isEmpty() ? "Error: no command given" : "Unknown command: " + args.get(0));
        }
        if (args.size() < 2) {
            return fail(stderr, "Error: Package name not specified.");
        }
        String packageName = args.get(1);
        String op = args.size() > 2 ? opName(args.get(2)) : null;
        if (op != null && !AppOps.isKnownOp(op)) {
            return fail(stderr, "Error: Unknown operation string: " + args.get(2));
        }
        if (args.get(0).equals("set")) {
            if (op == null) {
                return fail(stderr, "Error: Operation not specified.");
            }
            if (args.size() < 4) {
                return fail(stderr, "Error: Mode not specified.");
            }
            Optional<AppOps.Mode> mode = AppOps.Mode.ofShellName(args.get(3));
            if (mode.isEmpty()) {
                return fail(stderr, "Error: Mode " + args.get(3) + " is not valid");
            }
            appOps.set(packageName, op, mode.get());
            return 0;
        }
        return get(packageName, op, stdout);
    }

    /** Accepts WRITE_SMS as well as the public name android:write_sms (AppOpsManager.strOpToOp). */
    private static String opName(String given) {
        return given.startsWith("android:")
                ? given.substring("android:".length()).toUpperCase(java.util.Locale.ROOT)
                : given;
    }

    private int get(String packageName, String op, OutputStream stdout) throws IOException {
        Optional<AppOps.Mode> mode = op == null ? Optional.empty() : appOps.explicitMode(packageName, op);
        if (mode.isEmpty()) {
            // Android 14's AppOpsService also names the default mode when one op was asked for.
            String defaultLine = op != null && apiLevel >= 34
                    ? "Default mode: " + AppOps.defaultMode(op).shellName() + "\n"
                    : "";
            print(stdout, "No operations.\n" + defaultLine);
            return 0;
        }
        print(stdout, op + ": " + mode.get().shellName() + "\n");
        return 0;
    }

    private static int fail(OutputStream stderr, String message) throws IOException {
        print(stderr, message + "\n");
        return FAILURE;
    }

    private static void print(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
