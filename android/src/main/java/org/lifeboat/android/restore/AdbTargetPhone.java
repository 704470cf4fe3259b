package org.lifeboat.android.restore;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteFileException;
import org.lifeboat.adb.client.RemoteFileStat;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellResult;
import org.lifeboat.adb.client.ShellSession;
import org.lifeboat.adb.client.SyncSession;

/**
 * A real phone reached through the adb client: all commands go through one long-lived shell (a restore sends
 * thousands of small commands), and stat/push share one sync session. Not for concurrent use.
 */
public final class AdbTargetPhone implements TargetPhone, Closeable {
    private final Device device;
    private final int apiLevel;
    private ShellSession shell;
    private SyncSession sync;

    private AdbTargetPhone(Device device, int apiLevel) {
        this.device = device;
        this.apiLevel = apiLevel;
    }

    /** Reads the phone's API level once; the device stays owned by the caller. */
    public static AdbTargetPhone open(Device device) throws IOException {
        ShellResult sdk = device.shell(ShellCommand.of("getprop", "ro.build.version.sdk"));
        String text = sdk.stdoutText().strip();
        try {
            return new AdbTargetPhone(device, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IOException(
                    "phone " + device.serial() + " reported ro.build.version.sdk as '" + text + "', not a number", e);
        }
    }

    @Override
    public int apiLevel() {
        return apiLevel;
    }

    @Override
    public CommandOutput run(ShellCommand command) throws IOException {
        if (shell == null) {
            shell = device.openShellSession();
        }
        ShellResult result = shell.run(command);
        return new CommandOutput(result.stdoutText(), result.stderrText(), result.exitCode());
    }

    @Override
    public Optional<RemoteFileStat> stat(DevicePath path) throws IOException {
        return sync().stat(path);
    }

    @Override
    public void push(InputStream content, DevicePath path, int mode, Instant mtime) throws IOException {
        try {
            sync().push(content, path, mode, mtime);
        } catch (RemoteFileException refused) {
            // A FAIL reply is a whole message: the session is still in step for the next file.
            throw refused;
        } catch (IOException | RuntimeException e) {
            // A push that failed mid-stream leaves the session out of step; the next call opens a fresh one.
            closeSync();
            throw e;
        }
    }

    @Override
    public void install(List<ApkFile> apks, List<String> options) throws IOException {
        if (apks.size() == 1) {
            device.install(apks.getFirst(), options);
        } else {
            device.installMultiple(apks, options);
        }
    }

    private SyncSession sync() throws IOException {
        if (sync == null) {
            sync = device.sync();
        }
        return sync;
    }

    private void closeSync() throws IOException {
        SyncSession open = sync;
        sync = null;
        if (open != null) {
            open.close();
        }
    }

    /** Ends the shell and sync sessions; the {@link Device} itself stays open. */
    @Override
    public void close() throws IOException {
        try {
            closeSync();
        } finally {
            if (shell != null) {
                shell.close();
                shell = null;
            }
        }
    }
}
