package org.lifeboat.repository.pack;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reuses the pack-sized buffers of finished packs for the next packs. A backup fills and uploads hundreds of 16 MiB
 * packs; each lives for seconds, long enough to be promoted to the old generation, so allocating one per pack filled
 * the heap with dead buffers that only full collections freed. Kept buffers are bounded by {@code maxIdle}.
 *
 * <p>Thread-safe.
 */
public final class PackBufferPool {
    private final int bufferSize;
    private final int maxIdle;
    private final Deque<byte[]> idle = new ArrayDeque<>();

    /**
     * @param bufferSize the size of the buffers handed out; a pack holding more grows its own copy, which is then
     *     not pooled
     * @param maxIdle how many returned buffers are kept
     */
    public PackBufferPool(int bufferSize, int maxIdle) {
        if (bufferSize < PackHeader.MIN_PACK_SIZE || maxIdle < 0) {
            throw new IllegalArgumentException(
                    "invalid pack buffer pool: " + bufferSize + "-byte buffers, " + maxIdle + " kept");
        }
        this.bufferSize = bufferSize;
        this.maxIdle = maxIdle;
    }

    public int bufferSize() {
        return bufferSize;
    }

    byte[] take() {
        synchronized (idle) {
            byte[] buffer = idle.pollFirst();
            if (buffer != null) {
                return buffer;
            }
        }
        return new byte[bufferSize];
    }

    void giveBack(byte[] buffer) {
        if (buffer.length != bufferSize) {
            return;
        }
        synchronized (idle) {
            if (idle.size() < maxIdle) {
                idle.addFirst(buffer);
            }
        }
    }
}
