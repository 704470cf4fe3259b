package org.lifeboat.repository.chunker;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One piece of a stream cut by the {@link Chunker}: its position in the stream and its bytes.
 *
 * <p>The chunker hands each chunk a freshly allocated array and never touches it again, so the chunk can be passed
 * to other threads for hashing, compression and encryption without copying.
 */
public final class Chunk {
    private final long offset;
    private final byte[] bytes;

    Chunk(long offset, byte[] bytes) {
        this.offset = offset;
        this.bytes = bytes;
    }

    /** Where the chunk starts in the stream. */
    public long offset() {
        return offset;
    }

    public int length() {
        return bytes.length;
    }

    /** A read-only view of the bytes. */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /**
     * The chunk's own array, without a copy: for the pipeline stage that consumes the chunk. The caller must not
     * keep reading the array while anything else may modify it; the chunker itself never does.
     */
    public byte[] takeBytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "Chunk[offset=" + offset + ", length=" + bytes.length + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Chunk chunk && offset == chunk.offset && Arrays.equals(bytes, chunk.bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Arrays.hashCode(bytes);
    }
}
