package org.lifeboat.adb.client;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.lifeboat.adb.protocol.SyncId;
import org.lifeboat.adb.protocol.SyncProtocol;

/**
 * A {@code sync:} service: stat, list, pull and push over one stream, one request at a time (AOSP
 * file_sync_protocol.h, client/file_sync_client.cpp). The v2 forms are used when the phone offers them: {@code LST2}
 * and {@code LIS2} report 64-bit sizes, {@code RCV2}/{@code SND2} are the modern transfer requests.
 *
 * <p>A failed transfer leaves the stream mid-message, so any I/O error makes the session unusable; open a new one.
 */
public final class SyncSession implements Closeable {
    /** Host DATA chunks are SYNC_DATA_MAX minus the 8-byte header, as adb 29.0.6 sends them. */
    private static final int SEND_CHUNK = SyncProtocol.DATA_MAX - 8;

    private static final int ENOENT = 2;
    private static final byte[] DOT = {'.'};
    private static final byte[] DOT_DOT = {'.', '.'};

    private final AdbStream stream;
    private final SyncWire wire;
    private final String serial;
    private final SyncDialect dialect;
    private boolean broken;
    private boolean closed;
    /** One transfer buffer per session, not per file: a restore pushes thousands of files through a few sessions. */
    private byte[] chunk;

    SyncSession(AdbStream stream, String serial, SyncDialect dialect) {
        this.stream = stream;
        this.wire = new SyncWire(stream);
        this.serial = serial;
        this.dialect = dialect;
    }

    /** The metadata of {@code path} without following a final symlink, or empty if nothing is there. */
    public Optional<RemoteFileStat> stat(DevicePath path) throws IOException {
        return guarded(() -> dialect.statV2() ? statV2(path) : statV1(path));
    }

    private Optional<RemoteFileStat> statV1(DevicePath path) throws IOException {
        wire.writeRequest(SyncId.STAT, path.bytes());
        wire.flush();
        expectId(SyncId.STAT, wire.readInt());
        int mode = wire.readInt();
        long size = Integer.toUnsignedLong(wire.readInt());
        long mtime = Integer.toUnsignedLong(wire.readInt());
        // stat_v1 cannot say why it failed: adbd zeroes the struct, which the client reads as "does not exist".
        if (mode == 0 && size == 0 && mtime == 0) {
            return Optional.empty();
        }
        return Optional.of(new RemoteFileStat(mode, size, Instant.ofEpochSecond(mtime), false));
    }

    private Optional<RemoteFileStat> statV2(DevicePath path) throws IOException {
        wire.writeRequest(SyncId.LST2, path.bytes());
        wire.flush();
        expectId(SyncId.LST2, wire.readInt());
        int error = wire.readInt();
        RemoteFileStat stat = readStatV2Body();
        if (error == ENOENT) {
            return Optional.empty();
        }
        if (error != 0) {
            throw new RemoteFileException(path, Errno.describe(error));
        }
        return Optional.of(stat);
    }

    /** The v2 stat fields after {@code id} and {@code error}: dev, ino, mode, nlink, uid, gid, size, times. */
    private RemoteFileStat readStatV2Body() throws IOException {
        wire.readLong(); // dev
        wire.readLong(); // ino
        int mode = wire.readInt();
        wire.readInt(); // nlink
        wire.readInt(); // uid
        wire.readInt(); // gid
        long size = wire.readLong();
        wire.readLong(); // atime
        long mtime = wire.readLong();
        wire.readLong(); // ctime
        return new RemoteFileStat(mode, size, Instant.ofEpochSecond(mtime), true);
    }

    /** The entries of directory {@code path}, without {@code .} and {@code ..}; empty if it cannot be read. */
    public List<RemoteDirEntry> list(DevicePath path) throws IOException {
        List<RemoteDirEntry> entries = new ArrayList<>();
        list(path, entries::add);
        return entries;
    }

    /** Streams the entries of directory {@code path} to {@code consumer}, for very large directories. */
    public void list(DevicePath path, Consumer<RemoteDirEntry> consumer) throws IOException {
        guarded(() -> {
            wire.writeRequest(dialect.listV2() ? SyncId.LIS2 : SyncId.LIST, path.bytes());
            wire.flush();
            while (true) {
                int id = wire.readInt();
                Optional<RemoteDirEntry> entry = dialect.listV2() ? readDentV2(path, id) : readDentV1(path, id);
                if (entry == null) {
                    return null;
                }
                entry.filter(e -> !isDotOrDotDot(e.name())).ifPresent(consumer);
            }
        });
    }

    /** One dent_v1 (20 bytes + name); null at the DONE terminator, which is a full zeroed struct. */
    private Optional<RemoteDirEntry> readDentV1(DevicePath directory, int id) throws IOException {
        boolean done = checkDentId(directory, id, SyncId.DENT);
        int mode = wire.readInt();
        long size = Integer.toUnsignedLong(wire.readInt());
        long mtime = Integer.toUnsignedLong(wire.readInt());
        byte[] name = readName(wire.readInt());
        if (done) {
            return null;
        }
        return Optional.of(new RemoteDirEntry(
                DevicePath.ofBytes(name), new RemoteFileStat(mode, size, Instant.ofEpochSecond(mtime), false)));
    }

    /** One dent_v2 (76 bytes + name); entries whose lstat failed on the phone are skipped, as adb does. */
    private Optional<RemoteDirEntry> readDentV2(DevicePath directory, int id) throws IOException {
        boolean done = checkDentId(directory, id, SyncId.DNT2);
        int error = wire.readInt();
        RemoteFileStat stat = readStatV2Body();
        byte[] name = readName(wire.readInt());
        if (done) {
            return null;
        }
        return error != 0 ? Optional.empty() : Optional.of(new RemoteDirEntry(DevicePath.ofBytes(name), stat));
    }

    /** Whether {@code id} is DONE; throws on FAIL or anything but {@code entryId}. */
    private boolean checkDentId(DevicePath directory, int id, SyncId entryId) throws IOException {
        if (id == SyncId.FAIL.wireValue()) {
            throw new RemoteFileException(directory, wire.readFailMessage(wire.readInt()));
        }
        if (id == SyncId.DONE.wireValue()) {
            return true;
        }
        expectId(entryId, id);
        return false;
    }

    private byte[] readName(int length) throws IOException {
        if (length < 0 || length > SyncProtocol.PATH_MAX) {
            throw new AdbProtocolException("the phone listed a name of " + length + " bytes");
        }
        return wire.readBytes(length);
    }

    private static boolean isDotOrDotDot(DevicePath name) {
        byte[] bytes = name.bytes();
        return Arrays.equals(bytes, DOT) || Arrays.equals(bytes, DOT_DOT);
    }

    /** Copies the file at {@code path} into {@code target} and returns the number of bytes (64-bit safe). */
    public long pull(DevicePath path, OutputStream target) throws IOException {
        return guarded(() -> {
            requestReceive(path);
            long total = 0;
            byte[] chunk = chunk();
            for (int length; (length = nextDataChunk(path)) >= 0; ) {
                wire.readFully(chunk, 0, length);
                target.write(chunk, 0, length);
                total += length;
            }
            return total;
        });
    }

    private void requestReceive(DevicePath path) throws IOException {
        if (dialect.sendReceiveV2()) {
            wire.writeRequest(SyncId.RCV2, path.bytes());
            wire.writeHeader(SyncId.RCV2, 0); // recv_v2_setup: no compression
        } else {
            wire.writeRequest(SyncId.RECV, path.bytes());
        }
        wire.flush();
    }

    /** The length of the next DATA chunk of a RECV, or -1 at DONE. */
    private int nextDataChunk(DevicePath path) throws IOException {
        int id = wire.readInt();
        int length = wire.readInt();
        if (id == SyncId.DONE.wireValue()) {
            return -1;
        }
        if (id == SyncId.FAIL.wireValue()) {
            throw new RemoteFileException(path, wire.readFailMessage(length));
        }
        expectId(SyncId.DATA, id);
        if (length < 0 || length > SyncProtocol.DATA_MAX) {
            throw new AdbProtocolException("the phone sent a sync DATA chunk of " + length + " bytes");
        }
        return length;
    }

    /**
     * Writes {@code content} to {@code path} on the phone with permission bits and file type from {@code mode} (for
     * example {@code 0100644}) and modification time {@code mtime} (whole seconds, as the protocol carries).
     */
    public void push(InputStream content, DevicePath path, int mode, Instant mtime) throws IOException {
        guarded(() -> {
            if (dialect.sendReceiveV2()) {
                wire.writeRequest(SyncId.SND2, path.bytes());
                wire.writeHeader(SyncId.SND2, mode); // send_v2_setup: id, mode, then flags
                wire.writeInt(0);
            } else {
                byte[] spec = path.bytes();
                byte[] suffix = ("," + mode).getBytes(StandardCharsets.US_ASCII);
                byte[] joined = Arrays.copyOf(spec, spec.length + suffix.length);
                System.arraycopy(suffix, 0, joined, spec.length, suffix.length);
                wire.writeRequest(SyncId.SEND, joined);
            }
            byte[] chunk = chunk();
            for (int n; (n = content.readNBytes(chunk, 0, SEND_CHUNK)) > 0; ) {
                wire.writeHeader(SyncId.DATA, n);
                wire.writeBytes(chunk, 0, n);
            }
            wire.writeHeader(SyncId.DONE, (int) mtime.getEpochSecond());
            wire.flush();
            int id = wire.readInt();
            int length = wire.readInt();
            if (id == SyncId.FAIL.wireValue()) {
                throw new RemoteFileException(path, wire.readFailMessage(length));
            }
            expectId(SyncId.OKAY, id);
            return null;
        });
    }

    private byte[] chunk() {
        if (chunk == null) {
            chunk = new byte[SyncProtocol.DATA_MAX];
        }
        return chunk;
    }

    /** Sends QUIT and waits for the phone to close the stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (stream) {
            if (!broken) {
                wire.writeHeader(SyncId.QUIT, 0);
                wire.flush();
                wire.drainToEnd();
            }
        } catch (IOException e) {
            // The phone may close first; QUIT has no reply to lose.
        }
    }

    private void expectId(SyncId expected, int actual) throws AdbProtocolException {
        if (actual != expected.wireValue()) {
            throw new AdbProtocolException("the phone answered a sync request with "
                    + SyncId.fromWire(actual).map(Enum::name).orElse(String.format("%08x", actual)) + ", expected "
                    + expected);
        }
    }

    private interface Step<T> {
        T run() throws IOException;
    }

    /** Runs one request; a failure other than the phone's own refusal leaves the stream unusable. */
    private <T> T guarded(Step<T> step) throws IOException {
        if (closed || broken) {
            throw new IllegalStateException(
                    "this sync session is " + (closed ? "closed" : "broken") + "; open a new one");
        }
        try {
            return step.run();
        } catch (RemoteFileException e) {
            // Not marked broken: the stream is in step, and a refused stat_v2 (an errno, not FAIL) leaves it usable.
            // After a FAIL reply, though, adbd ends the whole sync service (handle_sync_command returns false in
            // AOSP adb/daemon/file_sync_service.cpp), so callers must not reuse the session.
            throw e;
        } catch (EOFException | SocketException e) {
            broken = true;
            throw new DeviceDisconnectedException(serial, e);
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }
}
