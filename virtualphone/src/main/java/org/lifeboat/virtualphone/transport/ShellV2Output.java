package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;
import org.lifeboat.adb.protocol.ShellV2Packet;
import org.lifeboat.adb.protocol.ShellV2PacketId;

/**
 * Frames a command's stdout and stderr as shell-v2 packets on one stream. Small writes to the same channel are
 * merged into one packet; switching channel emits the pending packet first, so the host sees the two channels'
 * output in the order it was written.
 */
final class ShellV2Output {
    private static final int MAX_PACKET_DATA = 64 * 1024;

    private final OutputStream stream;
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] pending = new byte[MAX_PACKET_DATA];
    private int pendingLength;
    private ShellV2PacketId pendingId = ShellV2PacketId.STDOUT;

    ShellV2Output(OutputStream stream) {
        this.stream = stream;
    }

    OutputStream stdout() {
        return new Channel(ShellV2PacketId.STDOUT);
    }

    OutputStream stderr() {
        return new Channel(ShellV2PacketId.STDERR);
    }

    /** Sends any pending output, then the exit packet; adbd sends nothing after it but CLSE. */
    void exit(int status) throws IOException {
        lock.lock();
        try {
            emitPending();
            stream.write(ShellV2Packet.exit(status).encode());
            stream.flush();
        } finally {
            lock.unlock();
        }
    }

    private void append(ShellV2PacketId id, byte[] data, int offset, int length) throws IOException {
        lock.lock();
        try {
            if (id != pendingId) {
                emitPending();
                pendingId = id;
            }
            while (length > 0) {
                int n = Math.min(length, pending.length - pendingLength);
                System.arraycopy(data, offset, pending, pendingLength, n);
                pendingLength += n;
                offset += n;
                length -= n;
                if (pendingLength == pending.length) {
                    emitPending();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void flushChannel() throws IOException {
        lock.lock();
        try {
            emitPending();
            stream.flush();
        } finally {
            lock.unlock();
        }
    }

    private void emitPending() throws IOException {
        if (pendingLength > 0) {
            stream.write(ShellV2Packet.encodeHeader(pendingId, pendingLength));
            stream.write(pending, 0, pendingLength);
            pendingLength = 0;
        }
    }

    private final class Channel extends OutputStream {
        private final ShellV2PacketId id;

        Channel(ShellV2PacketId id) {
            this.id = id;
        }

        @Override
        public void write(int b) throws IOException {
            append(id, new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            append(id, data, offset, length);
        }

        @Override
        public void flush() throws IOException {
            flushChannel();
        }
    }
}
