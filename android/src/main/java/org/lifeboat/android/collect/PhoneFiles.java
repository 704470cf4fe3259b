package org.lifeboat.android.collect;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteDirEntry;
import org.lifeboat.adb.client.RemoteFileStat;
import org.lifeboat.adb.client.SyncSession;

/**
 * File listing and reading over sync sessions. Each {@link #open} borrows a session (opening one when none is idle),
 * pulls on a virtual thread into a {@link StreamPipe} and returns the pipe's reading end, so file bytes flow from the
 * sync stream to the caller with no temporary file and no whole file in memory. Parallel opens use parallel
 * sessions. A session is reused only after a request that succeeded: after a refusal (sync {@code FAIL}) adbd ends the
 * whole sync service, so the next request on that stream would only find it closed.
 */
public final class PhoneFiles implements Closeable {
    private final Device device;
    private final Deque<SyncSession> idle = new ArrayDeque<>();
    private final PacketBuffers packets = new PacketBuffers();

    PhoneFiles(Device device) {
        this.device = device;
    }

    /** The bytes of the file at {@code path}, as the phone sends them. */
    public InputStream open(DevicePath path) throws IOException {
        SyncSession session = borrow();
        StreamPipe pipe = new StreamPipe(packets);
        Thread.ofVirtual().name("pull ", 0).start(() -> {
            try {
                session.pull(path, pipe.sink());
                pipe.finish();
                release(session);
            } catch (IOException | RuntimeException e) {
                // Not pooled even after a mere refusal: adbd ends the whole sync service after it sends FAIL
                // (handle_sync_command returns false in AOSP adb/daemon/file_sync_service.cpp).
                pipe.fail(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
                closeQuietly(session);
            }
        });
        return pipe.source();
    }

    /** Lists directory {@code path} (without {@code .} and {@code ..}). */
    void list(DevicePath path, Consumer<RemoteDirEntry> consumer) throws IOException {
        SyncSession session = borrow();
        try {
            session.list(path, consumer);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        release(session);
    }

    /** The metadata of {@code path} (not following a final symlink), or empty if nothing is there. */
    public Optional<RemoteFileStat> stat(DevicePath path) throws IOException {
        SyncSession session = borrow();
        Optional<RemoteFileStat> stat;
        try {
            stat = session.stat(path);
        } catch (IOException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        release(session);
        return stat;
    }

    private SyncSession borrow() throws IOException {
        synchronized (idle) {
            SyncSession session = idle.pollFirst();
            if (session != null) {
                return session;
            }
        }
        return device.sync();
    }

    private void release(SyncSession session) {
        synchronized (idle) {
            idle.addFirst(session);
        }
    }

    private static void closeQuietly(SyncSession session) {
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // A broken session has nothing left to say.
        }
    }

    @Override
    public void close() {
        synchronized (idle) {
            idle.forEach(PhoneFiles::closeQuietly);
            idle.clear();
        }
    }
}
