package org.lifeboat.android.restore;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteDirEntry;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellResult;
import org.lifeboat.adb.client.ShellSession;
import org.lifeboat.adb.client.SyncSession;

/**
 * A real phone reached through the adb client: all commands go through one long-lived shell (a restore sends
 * thousands of small commands); listings and pushes take a sync session from a pool, so that several threads can
 * push at once, each over its own stream, and a session is reused for the next file.
 */
public final class AdbTargetPhone implements TargetPhone, Closeable {
    private final Device device;
    private final int apiLevel;
    private final Deque<SyncSession> idleSyncs = new ConcurrentLinkedDeque<>();
    /** Set before the idle sessions are closed; a push that outlives {@link #close()} closes its own session. */
    private volatile boolean closed;

    private ShellSession shell;

    AdbTargetPhone(Device device, int apiLevel) {
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
    public List<RemoteDirEntry> list(DevicePath directory) throws IOException {
        SyncSession sync = takeSync();
        List<RemoteDirEntry> entries;
        try {
            entries = sync.list(directory);
        } catch (IOException | RuntimeException e) {
            closeQuietly(sync, e);
            throw e;
        }
        release(sync);
        return entries;
    }

    @Override
    public void push(InputStream content, DevicePath path, int mode, Instant mtime) throws IOException {
        SyncSession sync = takeSync();
        try {
            sync.push(content, path, mode, mtime);
        } catch (IOException | RuntimeException e) {
            // Not used again: a push that failed mid-stream leaves the session out of step, and after a FAIL adbd
            // ends the whole sync service (handle_sync_command returns false in file_sync_service.cpp).
            closeQuietly(sync, e);
            throw e;
        }
        release(sync);
    }

    @Override
    public void install(List<ApkFile> apks, List<String> options) throws IOException {
        if (apks.size() == 1) {
            device.install(apks.getFirst(), options);
        } else {
            device.installMultiple(apks, options);
        }
    }

    private SyncSession takeSync() throws IOException {
        SyncSession idle = idleSyncs.poll();
        return idle != null ? idle : device.sync();
    }

    /**
     * Pools {@code sync} for the next listing or push, or closes it if {@link #close()} has run meanwhile: a push
     * still writing when a restore fails ends after the pool was emptied, and a session pooled then would stay open.
     * Whichever of this and {@code close()} takes the session from the pool closes it.
     */
    private void release(SyncSession sync) throws IOException {
        idleSyncs.push(sync);
        if (closed && idleSyncs.remove(sync)) {
            sync.close();
        }
    }

    private static void closeQuietly(SyncSession sync, Exception cause) {
        try {
            sync.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Ends the shell and sync sessions; the {@link Device} itself stays open. */
    @Override
    public void close() throws IOException {
        closed = true;
        try {
            for (SyncSession sync; (sync = idleSyncs.poll()) != null; ) {
                sync.close();
            }
        } finally {
            if (shell != null) {
                shell.close();
                shell = null;
            }
        }
    }
}
