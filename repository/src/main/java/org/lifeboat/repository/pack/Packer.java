package org.lifeboat.repository.pack;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.crypto.MasterKey;

/**
 * Collects sealed blobs of one pack in memory and finishes them into a pack file: blobs, sealed header, header length.
 *
 * <p>Not thread-safe; the caller serialises {@link #add}. Memory is bounded by the target size plus one blob.
 */
public final class Packer {
    private byte[] buffer;
    private int size;
    private final List<PackBlob> blobs = new ArrayList<>();
    private int headerSize;

    public Packer(int expectedSize) {
        this.buffer = new byte[Math.max(expectedSize, 1024)];
    }

    /** Appends a sealed blob whose payload is compressed iff {@code uncompressedLength > 0}. */
    public void add(BlobHandle handle, byte[] sealed, int uncompressedLength) {
        add(handle, sealed, sealed.length, uncompressedLength);
    }

    /** Appends the sealed blob {@code sealed[0..sealedLength)}; the array is copied, so the caller may reuse it. */
    public void add(BlobHandle handle, byte[] sealed, int sealedLength, int uncompressedLength) {
        PackBlob blob = new PackBlob(handle, size, sealedLength, uncompressedLength);
        if (buffer.length - size < sealedLength) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length + buffer.length / 2, size + sealedLength));
        }
        System.arraycopy(sealed, 0, buffer, size, sealedLength);
        size += sealedLength;
        blobs.add(blob);
        headerSize += PackHeader.entrySize(blob);
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
        byte[] sealedHeader = key.seal(PackHeader.encode(blobs), random);
        int total = size + sealedHeader.length + PackHeader.LENGTH_FIELD_SIZE;
        byte[] pack = buffer.length >= total ? buffer : Arrays.copyOf(buffer, total);
        System.arraycopy(sealedHeader, 0, pack, size, sealedHeader.length);
        int lengthAt = size + sealedHeader.length;
        int headerLength = sealedHeader.length;
        for (int i = 0; i < 4; i++) {
            pack[lengthAt + i] = (byte) (headerLength >>> (8 * i));
        }
        buffer = null;
        return new FinishedPack(Id.hash(pack, 0, total), pack, total, List.copyOf(blobs));
    }

    /** A complete pack file, named by the SHA-256 of its bytes. */
    public static final class FinishedPack {
        private final Id id;
        private final byte[] bytes;
        private final int length;
        private final List<PackBlob> blobs;

        private FinishedPack(Id id, byte[] bytes, int length, List<PackBlob> blobs) {
            this.id = id;
            this.bytes = bytes;
            this.length = length;
            this.blobs = blobs;
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

        /** The file's bytes, for uploading. */
        public InputStream content() {
            return new ByteArrayInputStream(bytes, 0, length);
        }
    }
}
