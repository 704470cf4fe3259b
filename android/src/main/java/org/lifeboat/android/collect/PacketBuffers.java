package org.lifeboat.android.collect;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.lifeboat.adb.protocol.SyncProtocol;

/**
 * Buffers of one sync DATA packet, shared by the {@link StreamPipe}s of one phone and reused: a backup hands over
 * gigabytes in 64 KiB packets, and a fresh array per packet doubled what the backup allocated. At most
 * {@link #MAX_IDLE} are kept, enough for several pipes with full queues.
 */
final class PacketBuffers {
    static final int SIZE = SyncProtocol.DATA_MAX;
    private static final int MAX_IDLE = 64;

    private final BlockingQueue<byte[]> idle = new ArrayBlockingQueue<>(MAX_IDLE);

    byte[] take() {
        byte[] buffer = idle.poll();
        return buffer != null ? buffer : new byte[SIZE];
    }

    void giveBack(byte[] buffer) {
        idle.offer(buffer);
    }
}
