package org.lifeboat.virtualphone.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.lifeboat.virtualphone.device.VirtualDevice;

/**
 * The phone's {@code /system/bin/sh}: a small mksh-compatible interpreter over the device's registered commands.
 * Each {@code execute} is one {@code sh -c} process starting in "/" with adbd's environment. Nothing here can run
 * a host program or reach a host file outside the device's state folder.
 */
public final class Shell {
    private final VirtualDevice device;
    private final Interpreter interpreter;

    public Shell(VirtualDevice device, CommandRegistry commands) {
        this.device = device;
        this.interpreter = new Interpreter(device, commands);
    }

    /**
     * Runs {@code commandLine} as {@code /system/bin/sh -c commandLine} would.
     *
     * @return the exit status, 0..255
     */
    public int execute(String commandLine, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws IOException {
        Session session = newSession();
        return interpreter.runScript(commandLine, session, new Streams(stdin, stdout, stderr));
    }

    /**
     * Runs one program with exactly these arguments, without any shell parsing, as adbd's {@code abb_exec:} service
     * hands its NUL-separated arguments to a binder command.
     */
    public int executeArgv(List<String> argv, InputStream stdin, OutputStream stdout, OutputStream stderr)
            throws IOException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        return interpreter.runArgv(argv, new Streams(stdin, stdout, stderr), "/", environment());
    }

    /**
     * A login shell reading commands from {@code stdin} line by line until end of input or {@code exit}, as adbd
     * starts for an {@code adb shell} without a command. Commands see the rest of stdin as their own input.
     *
     * @param prompt whether to print mksh's Android prompt ({@code device:/ $ }) before each line, as on a pty
     */
    public int interactive(InputStream stdin, OutputStream stdout, OutputStream stderr, boolean prompt)
            throws IOException {
        Session session = newSession();
        String host = device.property("ro.product.device").orElse("localhost");
        Supplier<String> promptText = prompt ? () -> host + ":" + session.workingDirectory() + " $ " : null;
        // Lines keep running after a syntax error, as they always did here, with or without a pty.
        return interpreter.runInput(session, new Streams(stdin, stdout, stderr), promptText, true);
    }

    private Session newSession() {
        return new Session("/", environment(), List.of(Interpreter.SHELL_NAME));
    }

    /** adbd's environment for shell children (daemon/shell_service.cpp sets HOME, LOGNAME, SHELL, TMPDIR...). */
    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put(
                "PATH",
                "/product/bin:/apex/com.android.runtime/bin:/apex/com.android.art/bin:/system_ext/bin"
                        + ":/system/bin:/system/xbin:/odm/bin:/vendor/bin:/vendor/xbin");
        env.put("HOME", "/");
        env.put("LOGNAME", "shell");
        env.put("USER", "shell");
        env.put("SHELL", "/bin/sh");
        env.put("TMPDIR", "/data/local/tmp");
        env.put("ANDROID_ROOT", "/system");
        env.put("ANDROID_DATA", "/data");
        env.put("ANDROID_STORAGE", "/storage");
        env.put("EXTERNAL_STORAGE", "/sdcard");
        env.put("HOSTNAME", device.property("ro.product.device").orElse("localhost"));
        env.put("PWD", "/");
        return env;
    }
}
