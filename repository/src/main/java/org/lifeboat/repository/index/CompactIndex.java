package org.lifeboat.repository.index;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;

/**
 * A blob index in parallel primitive arrays, about 60 bytes per blob (restic's Go map needs about 100).
 *
 * <p>Entries are appended to dense columns (32 bytes of ID as four longs, then pack, offset, length, uncompressed
 * length as ints); an open-addressing table of entry numbers finds them. Several entries may share a blob (the
 * same blob stored in two packs). Not thread-safe: {@link MasterIndex} guards it.
 */
final class CompactIndex {
    private static final int TYPE_BIT = 1 << 31;
    private static final int EMPTY = -1;

    private long[] ids;
    /** Pack ordinal, with {@link #TYPE_BIT} set for tree blobs. */
    private int[] packAndType;
    /** Unsigned offsets: packs up to 4 GiB. */
    private int[] offsets;

    private int[] lengths;
    private int[] uncompressedLengths;
    private int size;
    private int[] table;

    CompactIndex() {
        allocate(1024);
        table = newTable(2048);
    }

    int size() {
        return size;
    }

    void add(BlobHandle handle, int packOrdinal, long offset, int length, int uncompressedLength) {
        if (size == lengths.length) {
            grow(lengths.length + lengths.length / 2);
        }
        int entry = size++;
        byte[] id = handle.id().toByteArray();
        ByteBuffer words = ByteBuffer.wrap(id);
        for (int i = 0; i < 4; i++) {
            ids[4 * entry + i] = words.getLong();
        }
        packAndType[entry] = packOrdinal | (handle.type() == BlobType.TREE ? TYPE_BIT : 0);
        offsets[entry] = (int) offset;
        lengths[entry] = length;
        uncompressedLengths[entry] = uncompressedLength;
        if ((long) size * 4 > (long) table.length * 3) {
            rehash(table.length * 2);
        } else {
            insert(table, entry);
        }
    }

    /** The entry numbers of every copy of this blob, in insertion order. */
    int[] find(BlobHandle handle) {
        long[] key = words(handle.id());
        int tree = handle.type() == BlobType.TREE ? TYPE_BIT : 0;
        int mask = table.length - 1;
        int[] found = new int[0];
        for (int slot = slotOf(key[0], tree, mask); table[slot] != EMPTY; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (matches(entry, key, tree)) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = entry;
            }
        }
        Arrays.sort(found);
        return found;
    }

    /** The first entry for this blob, or -1. */
    int findFirst(BlobHandle handle) {
        int[] all = find(handle);
        return all.length == 0 ? -1 : all[0];
    }

    BlobHandle handle(int entry) {
        ByteBuffer id = ByteBuffer.allocate(Id.LENGTH);
        for (int i = 0; i < 4; i++) {
            id.putLong(ids[4 * entry + i]);
        }
        BlobType type = (packAndType[entry] & TYPE_BIT) != 0 ? BlobType.TREE : BlobType.DATA;
        return new BlobHandle(Id.of(id.array()), type);
    }

    int packOrdinal(int entry) {
        return packAndType[entry] & ~TYPE_BIT;
    }

    long offset(int entry) {
        return Integer.toUnsignedLong(offsets[entry]);
    }

    int length(int entry) {
        return lengths[entry];
    }

    int uncompressedLength(int entry) {
        return uncompressedLengths[entry];
    }

    /**
     * The heap bytes the columns and the hash table take: array payloads plus a 16-byte header per array (HotSpot's
     * 64-bit layout), counting spare capacity. Deterministic, unlike measuring the heap.
     */
    long footprintBytes() {
        return arrayBytes(ids.length, Long.BYTES)
                + arrayBytes(packAndType.length, Integer.BYTES)
                + arrayBytes(offsets.length, Integer.BYTES)
                + arrayBytes(lengths.length, Integer.BYTES)
                + arrayBytes(uncompressedLengths.length, Integer.BYTES)
                + arrayBytes(table.length, Integer.BYTES);
    }

    private static long arrayBytes(int elements, int elementSize) {
        return 16 + (long) elements * elementSize;
    }

    private boolean matches(int entry, long[] key, int tree) {
        return (packAndType[entry] & TYPE_BIT) == tree
                && ids[4 * entry] == key[0]
                && ids[4 * entry + 1] == key[1]
                && ids[4 * entry + 2] == key[2]
                && ids[4 * entry + 3] == key[3];
    }

    private void insert(int[] into, int entry) {
        int mask = into.length - 1;
        int slot = slotOf(ids[4 * entry], packAndType[entry] & TYPE_BIT, mask);
        while (into[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        into[slot] = entry;
    }

    private void rehash(int capacity) {
        table = newTable(capacity);
        for (int entry = 0; entry < size; entry++) {
            insert(table, entry);
        }
    }

    private static int slotOf(long firstWord, int tree, int mask) {
        // IDs are SHA-256 output: the high bits are already uniformly distributed.
        return (int) ((firstWord >>> 32) ^ firstWord ^ tree) & mask;
    }

    private static long[] words(Id id) {
        ByteBuffer buffer = ByteBuffer.wrap(id.toByteArray());
        return new long[] {buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong()};
    }

    private static int[] newTable(int capacity) {
        int[] fresh = new int[capacity];
        Arrays.fill(fresh, EMPTY);
        return fresh;
    }

    private void allocate(int capacity) {
        ids = new long[4 * capacity];
        packAndType = new int[capacity];
        offsets = new int[capacity];
        lengths = new int[capacity];
        uncompressedLengths = new int[capacity];
    }

    private void grow(int capacity) {
        ids = Arrays.copyOf(ids, 4 * capacity);
        packAndType = Arrays.copyOf(packAndType, capacity);
        offsets = Arrays.copyOf(offsets, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        uncompressedLengths = Arrays.copyOf(uncompressedLengths, capacity);
    }
}
