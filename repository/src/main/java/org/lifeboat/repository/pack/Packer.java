package org.lifeboat.repository.pack;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.crypto.MasterKey;

/**
 * Collects sealed blobs of one pack in memory and finishes them into a pack file: blobs, sealed header, header length.
 *
 * <p>A blob is either copied in with {@link #add} or sealed straight into the pack's buffer through a {@link Slot}
 * from {@link #reserve}, which saves a blob-sized buffer and a copy per blob and lets several threads seal into one
 * pack at once. Not thread-safe otherwise: the caller serialises {@link #reserve}, {@link #add} and {@link #finish},
 * finishes only once every slot is written, and lets the buffer grow (a reservation that does not {@link #fits fit})
 * only while no slot is being written.
 */
public final class Packer {
    private final PackBufferPool pool;
    private byte[] buffer;
    private int size;
    private final List<PackBlob> blobs = new ArrayList<>();
    /** Slots written so far: a pack finished with a slot unwritten would hash a previous pack's leftover bytes. */
    private final AtomicInteger filledSlots = new AtomicInteger();

    private int headerSize;

    /** A packer with its own buffer, which grows as needed. */
    public Packer(int expectedSize) {
        this.pool = null;
        this.buffer = new byte[Math.max(expectedSize, 1024)];
    }

    /** A packer on a buffer of {@code pool}, given back when the finished pack is {@link FinishedPack#release}d. */
    public Packer(PackBufferPool pool) {
        this.pool = pool;
        this.buffer = pool.take();
    }

    /** Appends a sealed blob whose payload is compressed iff {@code uncompressedLength > 0}. */
    public void add(BlobHandle handle, byte[] sealed, int uncompressedLength) {
        add(handle, sealed, sealed.length, uncompressedLength);
    }

    /** Appends the sealed blob {@code sealed[0..sealedLength)}; the array is copied, so the caller may reuse it. */
    public void add(BlobHandle handle, byte[] sealed, int sealedLength, int uncompressedLength) {
        reserve(handle, sealedLength, uncompressedLength).fill((target, offset) -> {
            System.arraycopy(sealed, 0, target, offset, sealedLength);
            return sealedLength;
        });
    }

    /**
     * Makes room for a sealed blob of {@code sealedLength} bytes at the end of the pack and lists it in the header;
     * the blob's bytes are written later through the returned slot, before {@link #finish}.
     */
    public Slot reserve(BlobHandle handle, int sealedLength, int uncompressedLength) {
        PackBlob blob = new PackBlob(handle, size, sealedLength, uncompressedLength);
        long needed = roomFor(sealedLength, PackHeader.entrySize(blob));
        if (needed > buffer.length) {
            grow(needed);
        }
        Slot slot = new Slot(buffer, size, sealedLength, filledSlots);
        size += sealedLength;
        blobs.add(blob);
        headerSize += PackHeader.entrySize(blob);
        return slot;
    }

    /** Whether a blob of {@code sealedLength} bytes, and then the sealed header, fit in the buffer as it is. */
    public boolean fits(int sealedLength, boolean compressed) {
        int entry = compressed ? PackHeader.COMPRESSED_ENTRY_SIZE : PackHeader.PLAIN_ENTRY_SIZE;
        return roomFor(sealedLength, entry) <= buffer.length;
    }

    /** The buffer's size: how much the pack can hold, sealed header included, without growing. */
    public int capacity() {
        return buffer.length;
    }

    private long roomFor(int sealedLength, int entrySize) {
        return (long) size + sealedLength + headerSize + entrySize + MasterKey.OVERHEAD + PackHeader.LENGTH_FIELD_SIZE;
    }

    private void grow(long needed) {
        if (needed > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a pack of " + needed + " bytes does not fit in memory");
        }
        byte[] grown =
                Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8, 2L * buffer.length)));
        if (pool != null) {
            pool.giveBack(buffer);
        }
        buffer = grown;
    }

    public int blobCount() {
        return blobs.size();
    }

    /** The size the pack file would have if finished now. */
    public long size() {
        return (long) size + headerSize + MasterKey.OVERHEAD + PackHeader.LENGTH_FIELD_SIZE;
    }

    /** Whether the header is close enough to restic's limit that one more blob could exceed it. */
    public boolean headerNearlyFull() {
        return headerSize + PackHeader.COMPRESSED_ENTRY_SIZE + MasterKey.OVERHEAD
                > PackHeader.MAX_HEADER_SIZE - PackHeader.LENGTH_FIELD_SIZE;
    }

    /**
     * Seals the header and returns the complete pack. The packer must not be used afterwards.
     *
     * @throws IllegalStateException if no blob was added (restic reports empty packs as errors)
     */
    public FinishedPack finish(MasterKey key, SecureRandom random) {
        if (blobs.isEmpty()) {
            throw new IllegalStateException("a pack needs at least one blob");
        }
        if (filledSlots.get() != blobs.size()) {
            throw new IllegalStateException("only " + filledSlots.get() + " of the " + blobs.size()
                    + " blobs reserved in the pack were written");
        }
        byte[] header = PackHeader.encode(blobs);
        int total = Math.toIntExact(size());
        if (total > buffer.length) {
            grow(total);
        }
        int headerLength = key.sealInto(header, 0, header.length, buffer, size, random);
        int lengthAt = size + headerLength;
        for (int i = 0; i < 4; i++) {
            buffer[lengthAt + i] = (byte) (headerLength >>> (8 * i));
        }
        FinishedPack pack = new FinishedPack(Id.hash(buffer, 0, total), buffer, total, List.copyOf(blobs), pool);
        buffer = null;
        return pack;
    }

    /** Writes a sealed blob into {@code target} at {@code offset} and returns how many bytes it wrote. */
    @FunctionalInterface
    public interface SlotWriter {
        int writeInto(byte[] target, int offset);
    }

    /** The room reserved for one sealed blob; written once, by any thread. */
    public static final class Slot {
        private final byte[] target;
        private final int offset;
        private final int length;
        private final AtomicInteger filledSlots;
        private final AtomicBoolean filled = new AtomicBoolean();

        private Slot(byte[] target, int offset, int length, AtomicInteger filledSlots) {
            this.target = target;
            this.offset = offset;
            this.length = length;
            this.filledSlots = filledSlots;
        }

        /**
         * @throws IllegalStateException if the slot was filled before, or the writer wrote another length than was
         *     reserved
         */
        public void fill(SlotWriter writer) {
            if (!filled.compareAndSet(false, true)) {
                throw new IllegalStateException("a blob slot is written once");
            }
            int written = writer.writeInto(target, offset);
            if (written != length) {
                throw new IllegalStateException(
                        "a blob slot of " + length + " bytes was filled with " + written + " bytes");
            }
            filledSlots.incrementAndGet();
        }
    }

    /** A complete pack file, named by the SHA-256 of its bytes. */
    public static final class FinishedPack {
        private final Id id;
        private final byte[] bytes;
        private final int length;
        private final List<PackBlob> blobs;
        private final PackBufferPool pool;
        private boolean released;

        private FinishedPack(Id id, byte[] bytes, int length, List<PackBlob> blobs, PackBufferPool pool) {
            this.id = id;
            this.bytes = bytes;
            this.length = length;
            this.blobs = blobs;
            this.pool = pool;
        }

        public Id id() {
            return id;
        }

        public int length() {
            return length;
        }

        public List<PackBlob> blobs() {
            return blobs;
        }

        /** The file's bytes, for uploading; valid until {@link #release}. */
        public InputStream content() {
            return new ByteArrayInputStream(bytes, 0, length);
        }

        /** Hands the buffer back for the next pack (once, however often called); the content is gone afterwards. */
        public synchronized void release() {
            if (pool != null && !released) {
                released = true;
                pool.giveBack(bytes);
            }
        }
    }
}
