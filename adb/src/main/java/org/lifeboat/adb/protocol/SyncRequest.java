package org.lifeboat.adb.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A host-to-device sync message. Each type can encode itself (for our client) and {@link SyncRequestDecoder}
 * produces them from the byte stream (for the virtual phone).
 */
public sealed interface SyncRequest {
    /** The wire bytes of this message. */
    byte[] encode();

    /** STAT (lstat, answered with stat_v1), STA2 (stat) or LST2 (lstat), both answered with stat_v2. */
    record Stat(SyncId id, String path) implements SyncRequest {
        public Stat {
            requireOneOf(id, Set.of(SyncId.STAT, SyncId.STA2, SyncId.LST2));
        }

        @Override
        public byte[] encode() {
            return pathRequest(id, path);
        }
    }

    /** LIST (dent_v1 entries) or LIS2 (dent_v2 entries). */
    record ListDirectory(SyncId id, String path) implements SyncRequest {
        public ListDirectory {
            requireOneOf(id, Set.of(SyncId.LIST, SyncId.LIS2));
        }

        @Override
        public byte[] encode() {
            return pathRequest(id, path);
        }
    }

    /**
     * SEND {@code "path,mode"} (mode in decimal, split at the last comma) or, with {@code v2Flags} present, SND2 with
     * a send_v2_setup. DATA chunks and a DONE carrying the mtime follow.
     */
    record Send(String path, int mode, boolean v2, int v2Flags) implements SyncRequest {
        public static Send v1(String path, int mode) {
            return new Send(path, mode, false, 0);
        }

        @Override
        public byte[] encode() {
            if (!v2) {
                return pathRequest(SyncId.SEND, path + "," + Integer.toUnsignedString(mode));
            }
            byte[] head = pathRequest(SyncId.SND2, path);
            return ByteBuffer.allocate(head.length + 12)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .put(head)
                    .putInt(SyncId.SND2.wireValue())
                    .putInt(mode)
                    .putInt(v2Flags)
                    .array();
        }
    }

    /** RECV, or with {@code v2} RCV2 followed by a recv_v2_setup. */
    record Receive(String path, boolean v2, int v2Flags) implements SyncRequest {
        public static Receive v1(String path) {
            return new Receive(path, false, 0);
        }

        @Override
        public byte[] encode() {
            byte[] head = pathRequest(v2 ? SyncId.RCV2 : SyncId.RECV, path);
            if (!v2) {
                return head;
            }
            return ByteBuffer.allocate(head.length + 8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .put(head)
                    .putInt(SyncId.RCV2.wireValue())
                    .putInt(v2Flags)
                    .array();
        }
    }

    /** One DATA chunk of a SEND, at most {@link SyncProtocol#DATA_MAX} bytes. */
    final class Data implements SyncRequest {
        private final byte[] bytes;

        private Data(byte[] bytes) {
            this.bytes = bytes;
        }

        public static Data of(byte[] bytes, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length > SyncProtocol.DATA_MAX) {
                throw new IllegalArgumentException(
                        "a DATA chunk holds at most " + SyncProtocol.DATA_MAX + " bytes, not " + length);
            }
            return new Data(Arrays.copyOfRange(bytes, offset, offset + length));
        }

        static Data wrapping(byte[] bytes) {
            return new Data(bytes);
        }

        public int length() {
            return bytes.length;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        /** Writes the chunk's bytes (not the header) without copying them. */
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public byte[] encode() {
            return ByteBuffer.allocate(8 + bytes.length)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(SyncId.DATA.wireValue())
                    .putInt(bytes.length)
                    .put(bytes)
                    .array();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Data(" + bytes.length + " bytes)";
        }
    }

    /** The end of a SEND; the length field carries the file's mtime in unsigned seconds. */
    record Done(long mtimeSeconds) implements SyncRequest {
        @Override
        public byte[] encode() {
            return header(SyncId.DONE, (int) mtimeSeconds);
        }
    }

    /** Ends the sync service; the device answers by closing the stream. */
    record Quit() implements SyncRequest {
        @Override
        public byte[] encode() {
            return header(SyncId.QUIT, 0);
        }
    }

    private static void requireOneOf(SyncId id, Set<SyncId> allowed) {
        if (!allowed.contains(id)) {
            throw new IllegalArgumentException("sync id " + id + " is not one of " + allowed);
        }
    }

    private static byte[] header(SyncId id, int length) {
        return ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(id.wireValue())
                .putInt(length)
                .array();
    }

    private static byte[] pathRequest(SyncId id, String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > SyncProtocol.PATH_MAX) {
            throw new IllegalArgumentException("sync path of " + bytes.length + " bytes exceeds the maximum of "
                    + SyncProtocol.PATH_MAX + ": " + path);
        }
        return ByteBuffer.allocate(8 + bytes.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(id.wireValue())
                .putInt(bytes.length)
                .put(bytes)
                .array();
    }
}
