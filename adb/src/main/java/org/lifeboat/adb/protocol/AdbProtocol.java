package org.lifeboat.adb.protocol;

/** Protocol-wide constants of the device transport ({@code adb.h}, platform-tools 29.0.6). */
public final class AdbProtocol {
    /** {@code A_VERSION_MIN}: the version a transport counts as before the peer's CNXN arrives. */
    public static final int VERSION_MIN = 0x01000000;

    /** {@code A_VERSION_SKIP_CHECKSUM}: from this version on, data_check is sent as 0. */
    public static final int VERSION_SKIP_CHECKSUM = 0x01000001;

    /** {@code A_VERSION}: the newest version; each side uses min(own, peer). */
    public static final int VERSION = 0x01000001;

    /** {@code MAX_PAYLOAD}: 1 MiB, what adbd advertises and what 29.0.6 needs for long service strings. */
    public static final int MAX_PAYLOAD = 1024 * 1024;

    /** {@code MAX_PAYLOAD_V1}: CNXN and AUTH payloads must fit in this. */
    public static final int MAX_PAYLOAD_V1 = 4096;

    /** The size of a message header: six little-endian u32 fields. */
    public static final int HEADER_SIZE = 24;

    private AdbProtocol() {}

    /** Whether messages at this negotiated version carry a byte-sum data_check (versions below 0x01000001). */
    public static boolean usesChecksum(int negotiatedVersion) {
        return Integer.compareUnsigned(negotiatedVersion, VERSION_SKIP_CHECKSUM) < 0;
    }
}
