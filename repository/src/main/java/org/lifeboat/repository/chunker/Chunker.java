package org.lifeboat.repository.chunker;

import java.io.InputStream;

/**
 * Content-defined chunking exactly as restic/chunker v0.4/v0.5 does it with restic's parameters, so that the same
 * file cut by restic and by Lifeboat with the same polynomial gives the same chunks and therefore the same blobs.
 *
 * <p>A chunk ends after the first byte at which it is at least {@link #MIN_SIZE} long and the Rabin fingerprint of
 * the last 64 bytes has its low 20 bits zero (an average of 1 MiB past the minimum), or when it reaches
 * {@link #MAX_SIZE}. The last chunk of a stream may be shorter; an empty stream has no chunks.
 *
 * <p>Thread-safe and cheap to share: it only holds the polynomial's lookup tables.
 */
public final class Chunker {
    public static final int MIN_SIZE = 512 * 1024;
    public static final int MAX_SIZE = 8 * 1024 * 1024;

    private final Polynomial polynomial;
    private final RabinTables tables;

    public Chunker(Polynomial polynomial) {
        this.polynomial = polynomial;
        this.tables = new RabinTables(polynomial);
    }

    public Polynomial polynomial() {
        return polynomial;
    }

    /** Cuts {@code input} into chunks as they are read; the caller closes the stream. */
    public ChunkStream split(InputStream input) {
        return new ChunkStream(tables, input, ChunkStream.DEFAULT_INITIAL_CAPACITY);
    }

    /**
     * Like {@link #split(InputStream)} for a stream of about {@code expectedSize} bytes (a file's size from its
     * stat): the read buffer starts at that size, so that each of many small files does not allocate and zero a
     * buffer meant for large ones. A stream that turns out longer is still cut correctly.
     */
    public ChunkStream split(InputStream input, long expectedSize) {
        // One byte more than expected lets the read that meets the end of the stream happen without growing.
        long capacity = Math.clamp(expectedSize + 1, ChunkStream.MIN_INITIAL_CAPACITY, ChunkStream.CAPACITY);
        return new ChunkStream(tables, input, (int) capacity);
    }
}
