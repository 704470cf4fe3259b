package org.lifeboat.repository.chunker;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The chunks of one input stream, produced one at a time while reading it; at most {@link Chunker#MAX_SIZE} plus one
 * read buffer is held in memory, whatever the stream's length.
 *
 * <p>The rolling hash reads the byte leaving the window straight from the buffer (it is 64 bytes behind) instead of
 * keeping restic's separate window array: that is the same fingerprint, since the first 64 hashed bytes of a chunk
 * start from an empty window either way, and it saves a load and a store per byte.
 */
public final class ChunkStream {
    private static final long SPLIT_MASK = (1L << 20) - 1;
    private static final int WINDOW = RabinTables.WINDOW_SIZE;
    private static final int READ_SIZE = 1024 * 1024;
    /**
     * The most the buffer grows to: a maximal chunk plus one read. Twice the maximal chunk would make compaction
     * rarer, but with several files read at once those extra 7 MiB per stream were a large part of a small heap; a
     * compaction moves only the chunk in progress (1.5 MiB on average), once per 8 MiB read.
     */
    static final int CAPACITY = Chunker.MAX_SIZE + READ_SIZE;
    /**
     * The buffer starts small and doubles as needed: most files are small, and zeroing a full-capacity buffer for
     * each of them cost more than chunking, hashing and sealing their contents.
     */
    static final int DEFAULT_INITIAL_CAPACITY = 64 * 1024;

    static final int MIN_INITIAL_CAPACITY = 1024;

    private final long[] outTable;
    private final long[] modTable;
    private final int polynomialShift;
    private final InputStream input;
    private byte[] buffer;

    private int start;
    private int filled;
    private boolean endOfInput;
    private long streamOffset;
    private long digest;

    ChunkStream(RabinTables tables, InputStream input, int initialCapacity) {
        this.buffer = new byte[initialCapacity];
        this.outTable = tables.out;
        this.modTable = tables.mod;
        this.polynomialShift = tables.polynomialShift;
        this.input = input;
    }

    /** The next chunk, or empty at the end of the stream. */
    public Optional<Chunk> next() throws IOException {
        fillAtLeast(Chunker.MIN_SIZE);
        int available = filled - start;
        if (available == 0) {
            return Optional.empty();
        }
        if (available < Chunker.MIN_SIZE) {
            return Optional.of(emit(available));
        }
        // restic does not hash the first MIN_SIZE - 64 bytes of a chunk: no cut can happen there.
        digest = 0;
        for (int i = start + Chunker.MIN_SIZE - WINDOW; i < start + Chunker.MIN_SIZE; i++) {
            digest = ((digest << 8) | (buffer[i] & 0xff)) ^ modTable[(int) (digest >>> polynomialShift)];
        }
        int length = Chunker.MIN_SIZE;
        while ((digest & SPLIT_MASK) != 0 && length < Chunker.MAX_SIZE) {
            if (start + length == filled) {
                fillAtLeast(length + 1);
                if (start + length == filled) {
                    break;
                }
            }
            length = scan(start + length, Math.min(filled, start + Chunker.MAX_SIZE)) - start;
        }
        return Optional.of(emit(length));
    }

    /**
     * Rolls the fingerprint over {@code [from, to)}, stopping after the first byte where it matches the split mask.
     * Returns where it stopped.
     */
    private int scan(int from, int to) {
        final byte[] data = buffer;
        final long[] out = outTable;
        final long[] mod = modTable;
        final int shift = polynomialShift;
        long hash = digest;
        int i = from;
        while (i < to) {
            hash ^= out[data[i - WINDOW] & 0xff];
            // The digest stays below 2^degree, so the index is below 256 and "& 0xff" only spares a bounds check.
            hash = ((hash << 8) | (data[i] & 0xff)) ^ mod[(int) (hash >>> shift) & 0xff];
            i++;
            if ((hash & SPLIT_MASK) == 0) {
                break;
            }
        }
        digest = hash;
        return i;
    }

    private Chunk emit(int length) {
        Chunk chunk = new Chunk(streamOffset, Arrays.copyOfRange(buffer, start, start + length));
        start += length;
        streamOffset += length;
        return chunk;
    }

    /**
     * Reads until at least {@code wanted} bytes from {@code start} are buffered or the stream ends. When the buffer
     * is full it either moves the unconsumed bytes to the front (if that frees at least half) or doubles, up to
     * {@link #CAPACITY}; since {@code wanted} never exceeds {@link Chunker#MAX_SIZE}, fewer than that many bytes are
     * unconsumed when the buffer is full, and a full-size buffer always has room for another read after moving them.
     */
    private void fillAtLeast(int wanted) throws IOException {
        while (filled - start < wanted && !endOfInput) {
            if (filled == buffer.length) {
                makeRoom();
            }
            int n = input.read(buffer, filled, Math.min(READ_SIZE, buffer.length - filled));
            if (n < 0) {
                endOfInput = true;
            } else {
                filled += n;
            }
        }
    }

    private void makeRoom() {
        if (start >= buffer.length / 2 || buffer.length == CAPACITY) {
            System.arraycopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            start = 0;
        } else {
            buffer = Arrays.copyOf(buffer, Math.min(CAPACITY, 2 * buffer.length));
        }
    }
}
