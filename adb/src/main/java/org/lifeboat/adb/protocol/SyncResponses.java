package org.lifeboat.adb.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes device-to-host sync messages with the exact struct sizes of {@code file_sync_protocol.h}: stat_v1 16 bytes,
 * stat_v2 72, dent_v1 20 + name, dent_v2 76 + name, and list terminators that are full-size DONE structs.
 */
public final class SyncResponses {
    static final int STAT_V1_SIZE = 16;
    static final int STAT_V2_SIZE = 72;
    static final int DENT_V1_SIZE = 20;
    static final int DENT_V2_SIZE = 76;

    private SyncResponses() {}

    /** stat_v1 for STAT. A missing file is all zeroes, which the client reports as "does not exist". */
    public static byte[] statV1(SyncStat stat) {
        ByteBuffer buffer = allocate(STAT_V1_SIZE).putInt(SyncId.STAT.wireValue());
        putV1Fields(buffer, stat);
        return buffer.array();
    }

    /** stat_v2; the id echoes the request (STA2 or LST2). */
    public static byte[] statV2(SyncId requestId, SyncStat stat) {
        ByteBuffer buffer = allocate(STAT_V2_SIZE).putInt(requestId.wireValue());
        putV2Fields(buffer, stat);
        return buffer.array();
    }

    public static byte[] directoryEntryV1(SyncStat stat, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = allocate(DENT_V1_SIZE + nameBytes.length).putInt(SyncId.DENT.wireValue());
        putV1Fields(buffer, stat);
        return buffer.putInt(nameBytes.length).put(nameBytes).array();
    }

    public static byte[] directoryEntryV2(SyncStat stat, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = allocate(DENT_V2_SIZE + nameBytes.length).putInt(SyncId.DNT2.wireValue());
        putV2Fields(buffer, stat);
        return buffer.putInt(nameBytes.length).put(nameBytes).array();
    }

    /** The end of a LIST: a whole zeroed dent_v1 with id DONE (do_list sends the full struct). */
    public static byte[] listDoneV1() {
        return allocate(DENT_V1_SIZE).putInt(SyncId.DONE.wireValue()).array();
    }

    /** The end of a LIS2: a whole zeroed dent_v2 with id DONE. */
    public static byte[] listDoneV2() {
        return allocate(DENT_V2_SIZE).putInt(SyncId.DONE.wireValue()).array();
    }

    /** The 8-byte header of a DATA chunk; the chunk's bytes follow. */
    public static byte[] dataHeader(int length) {
        return allocate(8).putInt(SyncId.DATA.wireValue()).putInt(length).array();
    }

    /** The end of a RECV: DONE with length 0. */
    public static byte[] done() {
        return allocate(8).putInt(SyncId.DONE.wireValue()).putInt(0).array();
    }

    public static byte[] okay() {
        return allocate(8).putInt(SyncId.OKAY.wireValue()).putInt(0).array();
    }

    public static byte[] fail(String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        return allocate(8 + text.length)
                .putInt(SyncId.FAIL.wireValue())
                .putInt(text.length)
                .put(text)
                .array();
    }

    private static void putV1Fields(ByteBuffer buffer, SyncStat stat) {
        // Sync v1 fields are u32: real devices send the low 32 bits of sizes over 4 GiB.
        buffer.putInt(stat.mode()).putInt((int) stat.size()).putInt((int) stat.mtimeSeconds());
    }

    private static void putV2Fields(ByteBuffer buffer, SyncStat stat) {
        buffer.putInt(stat.error())
                .putLong(stat.dev())
                .putLong(stat.ino())
                .putInt(stat.mode())
                .putInt(stat.nlink())
                .putInt(stat.uid())
                .putInt(stat.gid())
                .putLong(stat.size())
                .putLong(stat.atimeSeconds())
                .putLong(stat.mtimeSeconds())
                .putLong(stat.ctimeSeconds());
    }

    private static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
