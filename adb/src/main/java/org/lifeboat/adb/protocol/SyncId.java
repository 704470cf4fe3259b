package org.lifeboat.adb.protocol;

import java.util.Optional;

/** The message ids of the file sync protocol ({@code file_sync_protocol.h}): four ASCII letters as a LE u32. */
public enum SyncId {
    STAT(0x54415453),
    /** stat, following symlinks, answered with a 72-byte stat_v2 (feature {@code stat_v2}). */
    STA2(0x32415453),
    /** lstat answered with a 72-byte stat_v2 (feature {@code stat_v2}). */
    LST2(0x3254534c),
    LIST(0x5453494c),
    /** list answered with 76-byte dent_v2 entries (feature {@code ls_v2}). */
    LIS2(0x3253494c),
    DENT(0x544e4544),
    DNT2(0x32544e44),
    SEND(0x444e4553),
    /** send with a send_v2_setup after the path (feature {@code sendrecv_v2}, Android 11+). */
    SND2(0x32444e53),
    RECV(0x56434552),
    /** receive with a recv_v2_setup after the path (feature {@code sendrecv_v2}, Android 11+). */
    RCV2(0x32564352),
    DATA(0x41544144),
    DONE(0x454e4f44),
    OKAY(0x59414b4f),
    FAIL(0x4c494146),
    QUIT(0x54495551);

    private final int wireValue;

    SyncId(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    public static Optional<SyncId> fromWire(int value) {
        for (SyncId id : values()) {
            if (id.wireValue == value) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
