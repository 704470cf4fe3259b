package org.lifeboat.adb.client;

import java.util.Arrays;

/** A growable byte buffer that can search for a marker in the bytes added since the last search. */
final class ByteAccumulator {
    private byte[] bytes = new byte[4096];
    private int size;

    void append(byte[] data, int offset, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
    }

    int size() {
        return size;
    }

    byte byteAt(int index) {
        return bytes[index];
    }

    /** The first index at or after {@code from} where {@code marker} starts, or -1. */
    int indexOf(byte[] marker, int from) {
        outer:
        for (int i = Math.max(0, from); i <= size - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    byte[] copy(int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    void clear() {
        size = 0;
    }
}
