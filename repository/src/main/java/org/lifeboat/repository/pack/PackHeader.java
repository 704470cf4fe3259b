package org.lifeboat.repository.pack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.CorruptPackException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.crypto.MasterKey;

/**
 * The plaintext pack header ({@code internal/pack/pack.go}): one entry per blob, in file order, offsets implied.
 *
 * <pre>
 * uncompressed entry (37 bytes): type(1: 0 data, 1 tree) || length(4 LE) || id(32)
 * compressed entry   (41 bytes): type(1: 2 data, 3 tree) || length(4 LE) || uncompressed_length(4 LE) || id(32)
 * </pre>
 */
public final class PackHeader {
    public static final int PLAIN_ENTRY_SIZE = 1 + 4 + Id.LENGTH;
    public static final int COMPRESSED_ENTRY_SIZE = 1 + 4 + 4 + Id.LENGTH;
    /** The uint32 after the encrypted header. */
    public static final int LENGTH_FIELD_SIZE = 4;
    /** restic refuses headers above this; packers start a new pack long before. */
    public static final int MAX_HEADER_SIZE = 16 * 1024 * 1024 + LENGTH_FIELD_SIZE;
    /** The smallest valid pack: one plain entry, sealed, plus the length field. */
    public static final int MIN_PACK_SIZE = PLAIN_ENTRY_SIZE + MasterKey.OVERHEAD + LENGTH_FIELD_SIZE;

    private PackHeader() {}

    public static int entrySize(PackBlob blob) {
        return blob.isCompressed() ? COMPRESSED_ENTRY_SIZE : PLAIN_ENTRY_SIZE;
    }

    /** The pack's size implied by its blobs: blobs, sealed header, length field. */
    public static long packSize(List<PackBlob> blobs) {
        long size = MasterKey.OVERHEAD + LENGTH_FIELD_SIZE;
        for (PackBlob blob : blobs) {
            size += blob.length() + entrySize(blob);
        }
        return size;
    }

    /** The plaintext header for blobs laid out in this order. */
    public static byte[] encode(List<PackBlob> blobs) {
        int size = 0;
        for (PackBlob blob : blobs) {
            size += entrySize(blob);
        }
        ByteBuffer header = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        byte[] id = new byte[Id.LENGTH];
        for (PackBlob blob : blobs) {
            boolean tree = blob.handle().type() == BlobType.TREE;
            header.put((byte) ((blob.isCompressed() ? 2 : 0) + (tree ? 1 : 0)));
            header.putInt(blob.length());
            if (blob.isCompressed()) {
                header.putInt(blob.uncompressedLength());
            }
            blob.handle().id().copyTo(id, 0);
            header.put(id);
        }
        return header.array();
    }

    /**
     * Parses a decrypted header.
     *
     * @throws CorruptPackException naming the first malformed entry
     */
    public static List<PackBlob> decode(Id packId, byte[] header) throws CorruptPackException {
        ByteBuffer in = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        List<PackBlob> blobs = new ArrayList<>();
        long offset = 0;
        while (in.hasRemaining()) {
            int entryStart = in.position();
            int type = in.get() & 0xff;
            if (type > 3) {
                throw new CorruptPackException(
                        packId, "header entry at byte " + entryStart + " has invalid type " + type + " (0..3)");
            }
            boolean compressed = type >= 2;
            int needed = (compressed ? COMPRESSED_ENTRY_SIZE : PLAIN_ENTRY_SIZE) - 1;
            if (in.remaining() < needed) {
                throw new CorruptPackException(
                        packId,
                        "header entry at byte " + entryStart + " is truncated: needs " + needed + " more bytes, has "
                                + in.remaining());
            }
            long length = Integer.toUnsignedLong(in.getInt());
            long uncompressedLength = compressed ? Integer.toUnsignedLong(in.getInt()) : 0;
            if (length < MasterKey.OVERHEAD || length > Integer.MAX_VALUE || uncompressedLength > Integer.MAX_VALUE) {
                throw new CorruptPackException(
                        packId,
                        "header entry at byte " + entryStart + " has impossible length " + length + " (uncompressed "
                                + uncompressedLength + ")");
            }
            if (compressed && uncompressedLength == 0) {
                throw new CorruptPackException(
                        packId, "header entry at byte " + entryStart + " is compressed with uncompressed length 0");
            }
            Id id = Id.of(header, in.position());
            in.position(in.position() + Id.LENGTH);
            BlobType blobType = (type & 1) == 1 ? BlobType.TREE : BlobType.DATA;
            blobs.add(new PackBlob(new BlobHandle(id, blobType), offset, (int) length, (int) uncompressedLength));
            offset += length;
        }
        return blobs;
    }
}
