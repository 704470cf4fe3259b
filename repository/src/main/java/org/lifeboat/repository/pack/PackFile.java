package org.lifeboat.repository.pack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.DataFormatException;
import org.lifeboat.repository.CorruptBlobException;
import org.lifeboat.repository.CorruptPackException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.backend.Backend;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.compression.Compression;
import org.lifeboat.repository.crypto.CiphertextVerificationException;
import org.lifeboat.repository.crypto.MasterKey;

/** Reading packs: the trailing header, and single blobs with every check restic applies. */
public final class PackFile {
    /** restic first fetches enough for this many compressed entries, then the rest only if the header is larger. */
    private static final int EAGER_ENTRIES = 15;

    private PackFile() {}

    /** Reads and decrypts the header of a stored pack whose file size is {@code packSize}. */
    public static List<PackBlob> readHeader(Backend backend, MasterKey key, Id packId, long packSize)
            throws IOException {
        FileHandle handle = FileHandle.of(FileType.PACK, packId);
        checkMinimumSize(packId, packSize);
        int eager = (int) Math.min(
                packSize,
                EAGER_ENTRIES * PackHeader.COMPRESSED_ENTRY_SIZE + MasterKey.OVERHEAD + PackHeader.LENGTH_FIELD_SIZE);
        byte[] tail = backend.load(handle, packSize - eager, eager);
        int headerLength = headerLength(packId, tail, tail.length, packSize);
        int tailHeaderStart = tail.length - PackHeader.LENGTH_FIELD_SIZE - headerLength;
        long headerStart = packSize - PackHeader.LENGTH_FIELD_SIZE - headerLength;
        if (tailHeaderStart >= 0) {
            return decryptHeader(key, packId, tail, tailHeaderStart, headerLength, headerStart);
        }
        byte[] sealedHeader = backend.load(handle, headerStart, headerLength);
        return decryptHeader(key, packId, sealedHeader, 0, headerLength, headerStart);
    }

    /** Parses the header of a pack held entirely in memory. */
    public static List<PackBlob> parseHeader(MasterKey key, Id packId, byte[] pack) throws CorruptPackException {
        checkMinimumSize(packId, pack.length);
        int headerLength = headerLength(packId, pack, pack.length, pack.length);
        int headerStart = pack.length - PackHeader.LENGTH_FIELD_SIZE - headerLength;
        return decryptHeader(key, packId, pack, headerStart, headerLength, headerStart);
    }

    /**
     * Verifies, decrypts and decompresses one blob whose sealed bytes start at {@code buffer[offset]}, then checks
     * that the plaintext hashes to the blob's ID.
     */
    public static byte[] decodeBlob(MasterKey key, Id packId, PackBlob blob, byte[] buffer, int offset)
            throws CorruptBlobException {
        if (offset < 0 || (long) offset + blob.length() > buffer.length) {
            throw new CorruptBlobException(packId, blob.handle(), "extends past the end of the pack");
        }
        byte[] payload;
        try {
            payload = key.open(buffer, offset, blob.length());
        } catch (CiphertextVerificationException e) {
            throw new CorruptBlobException(packId, blob.handle(), e.getMessage(), e);
        }
        byte[] plaintext = payload;
        if (blob.isCompressed()) {
            try {
                plaintext = Compression.decompress(payload, 0, payload.length, blob.uncompressedLength());
            } catch (DataFormatException e) {
                throw new CorruptBlobException(packId, blob.handle(), e.getMessage(), e);
            }
        }
        Id actual = Id.hash(plaintext);
        if (!actual.equals(blob.handle().id())) {
            throw new CorruptBlobException(packId, blob.handle(), "content hashes to " + actual);
        }
        return plaintext;
    }

    private static void checkMinimumSize(Id packId, long packSize) throws CorruptPackException {
        if (packSize < PackHeader.MIN_PACK_SIZE) {
            throw new CorruptPackException(
                    packId,
                    "the file has " + packSize + " bytes, too small for a pack (at least " + PackHeader.MIN_PACK_SIZE
                            + ")");
        }
    }

    private static int headerLength(Id packId, byte[] tail, int tailLength, long packSize) throws CorruptPackException {
        long headerLength = Integer.toUnsignedLong(ByteBuffer.wrap(tail, tailLength - PackHeader.LENGTH_FIELD_SIZE, 4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .getInt());
        if (headerLength < MasterKey.OVERHEAD + PackHeader.PLAIN_ENTRY_SIZE
                || headerLength > packSize - PackHeader.LENGTH_FIELD_SIZE
                || headerLength > PackHeader.MAX_HEADER_SIZE) {
            throw new CorruptPackException(
                    packId,
                    "the header length field says " + headerLength
                            + " bytes; a pack of " + packSize + " bytes allows "
                            + (MasterKey.OVERHEAD + PackHeader.PLAIN_ENTRY_SIZE)
                            + ".." + Math.min(packSize - PackHeader.LENGTH_FIELD_SIZE, PackHeader.MAX_HEADER_SIZE));
        }
        return (int) headerLength;
    }

    private static List<PackBlob> decryptHeader(
            MasterKey key, Id packId, byte[] buffer, int offset, int length, long headerStart)
            throws CorruptPackException {
        byte[] header;
        try {
            header = key.open(buffer, offset, length);
        } catch (CiphertextVerificationException e) {
            throw new CorruptPackException(packId, "header: " + e.getMessage(), e);
        }
        List<PackBlob> blobs = PackHeader.decode(packId, header);
        if (blobs.isEmpty()) {
            throw new CorruptPackException(packId, "the header lists no blobs");
        }
        long dataEnd = blobs.getLast().end();
        if (dataEnd != headerStart) {
            throw new CorruptPackException(
                    packId,
                    "the header's blobs end at byte " + dataEnd + " but the header starts at byte " + headerStart);
        }
        return blobs;
    }
}
