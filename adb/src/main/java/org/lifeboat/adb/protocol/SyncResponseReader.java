package org.lifeboat.adb.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads device-to-host sync messages from a blocking stream, for a client that knows which reply it expects next.
 * Sizes are checked against what the 29.0.6 client accepts (names ≤ 255 bytes, chunks ≤ 64 KiB).
 */
public final class SyncResponseReader {
    private static final int MAX_NAME = 255;
    private static final int MAX_FAIL_MESSAGE = 64 * 1024;

    private final InputStream in;

    public SyncResponseReader(InputStream in) {
        this.in = in;
    }

    /** The reply to STAT. A missing file comes back with mode 0, so {@link SyncStat#exists()} is false. */
    public SyncStat readStatV1() throws IOException {
        ByteBuffer buffer = readStruct(SyncResponses.STAT_V1_SIZE);
        expectId(buffer.getInt(), SyncId.STAT);
        int mode = buffer.getInt();
        long size = Integer.toUnsignedLong(buffer.getInt());
        long mtime = Integer.toUnsignedLong(buffer.getInt());
        return new SyncStat(0, 0, 0, mode, 0, 0, 0, size, 0, mtime, 0);
    }

    /** The reply to STA2 or LST2; {@link SyncStat#error()} carries the errno of a failed stat. */
    public SyncStat readStatV2(SyncId requestId) throws IOException {
        ByteBuffer buffer = readStruct(SyncResponses.STAT_V2_SIZE);
        expectId(buffer.getInt(), requestId);
        return readV2Fields(buffer);
    }

    /** The next entry of a LIST ({@code v2 = false}) or LIS2 listing, or empty at its DONE terminator. */
    public Optional<SyncDirectoryEntry> readDirectoryEntry(boolean v2) throws IOException {
        ByteBuffer buffer = readStruct(v2 ? SyncResponses.DENT_V2_SIZE : SyncResponses.DENT_V1_SIZE);
        int id = buffer.getInt();
        if (id == SyncId.DONE.wireValue()) {
            return Optional.empty();
        }
        expectId(id, v2 ? SyncId.DNT2 : SyncId.DENT);
        SyncStat stat;
        if (v2) {
            stat = readV2Fields(buffer);
        } else {
            int mode = buffer.getInt();
            long size = Integer.toUnsignedLong(buffer.getInt());
            long mtime = Integer.toUnsignedLong(buffer.getInt());
            stat = new SyncStat(0, 0, 0, mode, 0, 0, 0, size, 0, mtime, 0);
        }
        int nameLength = buffer.getInt();
        if (nameLength < 0 || nameLength > MAX_NAME) {
            throw new MalformedMessageException("directory entry name of " + Integer.toUnsignedString(nameLength)
                    + " bytes exceeds the maximum of " + MAX_NAME);
        }
        String name = new String(readBytes(nameLength), StandardCharsets.UTF_8);
        return Optional.of(new SyncDirectoryEntry(name, stat));
    }

    /**
     * The next DATA chunk of a RECV, or empty at DONE.
     *
     * @throws SyncFailureException if the device answered FAIL (for example "open failed: No such file or directory")
     */
    public Optional<byte[]> readDataChunk() throws IOException {
        ByteBuffer buffer = readStruct(8);
        int id = buffer.getInt();
        int length = buffer.getInt();
        if (id == SyncId.DONE.wireValue()) {
            return Optional.empty();
        }
        if (id == SyncId.FAIL.wireValue()) {
            throw new SyncFailureException(readFailMessage(length));
        }
        expectId(id, SyncId.DATA);
        if (length < 0 || length > SyncProtocol.DATA_MAX) {
            throw new MalformedMessageException("DATA chunk of " + Integer.toUnsignedString(length)
                    + " bytes exceeds the maximum of " + SyncProtocol.DATA_MAX);
        }
        return Optional.of(readBytes(length));
    }

    /**
     * The OKAY that ends a successful SEND.
     *
     * @throws SyncFailureException if the device answered FAIL
     */
    public void readStatus() throws IOException {
        ByteBuffer buffer = readStruct(8);
        int id = buffer.getInt();
        int length = buffer.getInt();
        if (id == SyncId.FAIL.wireValue()) {
            throw new SyncFailureException(readFailMessage(length));
        }
        expectId(id, SyncId.OKAY);
    }

    private String readFailMessage(int length) throws IOException {
        if (length < 0 || length > MAX_FAIL_MESSAGE) {
            throw new MalformedMessageException("FAIL message of " + Integer.toUnsignedString(length) + " bytes");
        }
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    private static SyncStat readV2Fields(ByteBuffer buffer) {
        return new SyncStat(
                buffer.getInt(),
                buffer.getLong(),
                buffer.getLong(),
                buffer.getInt(),
                buffer.getInt(),
                buffer.getInt(),
                buffer.getInt(),
                buffer.getLong(),
                buffer.getLong(),
                buffer.getLong(),
                buffer.getLong());
    }

    private static void expectId(int actual, SyncId expected) throws MalformedMessageException {
        if (actual != expected.wireValue()) {
            String name = SyncId.fromWire(actual).map(Enum::name).orElse(String.format("%08x", actual));
            throw new MalformedMessageException("expected sync " + expected + " but got " + name);
        }
    }

    private ByteBuffer readStruct(int size) throws IOException {
        return ByteBuffer.wrap(readBytes(size)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private byte[] readBytes(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new MalformedMessageException(
                    "sync stream ended after " + bytes.length + " of " + length + " expected bytes");
        }
        return bytes;
    }
}
