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
    private static final int LANES = 4;
    private static final int LANE_LENGTH = 16 * 1024;
    /** How far past the scan position to fill before scanning: a few lane blocks. */
    private static final int SCAN_AHEAD = 4 * LANES * LANE_LENGTH;
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
        if ((fingerprint(start + Chunker.MIN_SIZE) & SPLIT_MASK) == 0) {
            return Optional.of(emit(Chunker.MIN_SIZE));
        }
        int length = Chunker.MIN_SIZE;
        while (length < Chunker.MAX_SIZE) {
            if (filled - (start + length) < SCAN_AHEAD) {
                // Streams that deliver little per read (a phone's 64 KiB sync packets) would otherwise leave too
                // little buffered for the four-lane scan.
                fillAtLeast(Math.min(Chunker.MAX_SIZE, length + SCAN_AHEAD));
                if (start + length == filled) {
                    break;
                }
            }
            int end = Math.min(filled, start + Chunker.MAX_SIZE);
            int cut = scan(start + length, end);
            if (cut >= 0) {
                length = cut - start;
                break;
            }
            length = end - start;
        }
        return Optional.of(emit(length));
    }

    /**
     * Where the first cut in {@code [from, to)} falls: just after the first byte at which the fingerprint of the
     * window matches the split mask; -1 if there is none. Since the fingerprint depends only on the 64-byte window,
     * no state carries over from one call to the next. Blocks of {@link #LANES} × {@link #LANE_LENGTH} bytes go to
     * {@link #scanLanes}; the rest, byte by byte.
     */
    private int scan(int from, int to) {
        int i = from;
        for (; to - i >= LANES * LANE_LENGTH; i += LANES * LANE_LENGTH) {
            int cut = scanLanes(i);
            if (cut >= 0) {
                return cut;
            }
        }
        return scanSequentially(i, to);
    }

    private int scanSequentially(int from, int to) {
        final byte[] data = buffer;
        final long[] out = outTable;
        final long[] mod = modTable;
        final int shift = polynomialShift;
        long hash = fingerprint(from);
        for (int i = from; i < to; i++) {
            hash ^= out[data[i - WINDOW] & 0xff];
            // The fingerprint stays below 2^degree, so the index is below 256 and "& 0xff" only spares a bounds check.
            hash = ((hash << 8) | (data[i] & 0xff)) ^ mod[(int) (hash >>> shift) & 0xff];
            if ((hash & SPLIT_MASK) == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The first cut in {@code [from, from + LANES × LANE_LENGTH)}, or -1. One byte at a time the fingerprint is a
     * chain of dependent table loads, so the loop waits on memory latency; four independent lanes, each starting from
     * the fingerprint of the 64 bytes before it (the fingerprint depends only on the window), keep the core busy.
     * A lane that meets the mask records its first hit; the earliest lane with a hit holds the first cut.
     */
    private int scanLanes(int from) {
        final byte[] data = buffer;
        final long[] out = outTable;
        final long[] mod = modTable;
        final int shift = polynomialShift;
        final int b0 = from;
        final int b1 = from + LANE_LENGTH;
        final int b2 = from + 2 * LANE_LENGTH;
        final int b3 = from + 3 * LANE_LENGTH;
        long h0 = fingerprint(b0);
        long h1 = fingerprint(b1);
        long h2 = fingerprint(b2);
        long h3 = fingerprint(b3);
        int hit1 = -1;
        int hit2 = -1;
        int hit3 = -1;
        for (int j = 0; j < LANE_LENGTH; j++) {
            h0 ^= out[data[b0 + j - WINDOW] & 0xff];
            h1 ^= out[data[b1 + j - WINDOW] & 0xff];
            h2 ^= out[data[b2 + j - WINDOW] & 0xff];
            h3 ^= out[data[b3 + j - WINDOW] & 0xff];
            h0 = ((h0 << 8) | (data[b0 + j] & 0xff)) ^ mod[(int) (h0 >>> shift) & 0xff];
            h1 = ((h1 << 8) | (data[b1 + j] & 0xff)) ^ mod[(int) (h1 >>> shift) & 0xff];
            h2 = ((h2 << 8) | (data[b2 + j] & 0xff)) ^ mod[(int) (h2 >>> shift) & 0xff];
            h3 = ((h3 << 8) | (data[b3 + j] & 0xff)) ^ mod[(int) (h3 >>> shift) & 0xff];
            if (((h0 & SPLIT_MASK) == 0)
                    | ((h1 & SPLIT_MASK) == 0)
                    | ((h2 & SPLIT_MASK) == 0)
                    | ((h3 & SPLIT_MASK) == 0)) {
                // Rare (once per MiB): remember each lane's first hit; lane 0's hit ends the search at once.
                if ((h0 & SPLIT_MASK) == 0) {
                    return b0 + j + 1;
                }
                if (hit1 < 0 && (h1 & SPLIT_MASK) == 0) {
                    hit1 = b1 + j + 1;
                }
                if (hit2 < 0 && (h2 & SPLIT_MASK) == 0) {
                    hit2 = b2 + j + 1;
                }
                if (hit3 < 0 && (h3 & SPLIT_MASK) == 0) {
                    hit3 = b3 + j + 1;
                }
            }
        }
        return hit1 >= 0 ? hit1 : hit2 >= 0 ? hit2 : hit3;
    }

    /** The fingerprint of the 64 bytes before {@code end}: what the rolling hash holds after byte {@code end - 1}. */
    private long fingerprint(int end) {
        final byte[] data = buffer;
        final long[] mod = modTable;
        final int shift = polynomialShift;
        long hash = 0;
        for (int i = end - WINDOW; i < end; i++) {
            hash = ((hash << 8) | (data[i] & 0xff)) ^ mod[(int) (hash >>> shift) & 0xff];
        }
        return hash;
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
