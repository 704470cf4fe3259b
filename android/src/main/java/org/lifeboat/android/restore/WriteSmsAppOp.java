package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code WRITE_SMS} app-op of {@code com.android.shell}. The SMS provider silently ignores writes from callers
 * whose op is not {@code allow} (android-data.md §1, §4.2), so it is allowed for the restore and then put back to
 * what it was: a restore must not leave the phone more open than it found it.
 */
final class WriteSmsAppOp {
    private static final String PACKAGE = "com.android.shell";
    private static final String OP = "WRITE_SMS";
    /** AppOpsService's shell prints {@code WRITE_SMS: allow; time=…}, or "No operations." when nothing is set. */
    private static final Pattern MODE = Pattern.compile("WRITE_SMS: ([a-z]+)");

    private final PhoneShell shell;

    WriteSmsAppOp(PhoneShell shell) {
        this.shell = shell;
    }

    /** Allows the op and returns the mode to restore afterwards. */
    String allow() throws IOException, CommandRejectedException {
        Matcher m =
                MODE.matcher(shell.run(List.of("appops", "get", PACKAGE, OP)).stdout());
        String prior = m.find() ? m.group(1) : "default";
        shell.runSilent(List.of("appops", "set", PACKAGE, OP, "allow"));
        return prior;
    }

    void restore(String mode) throws IOException, CommandRejectedException {
        shell.runSilent(List.of("appops", "set", PACKAGE, OP, mode));
    }
}
