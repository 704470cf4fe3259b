package org.lifeboat.adb.protocol;

/** Limits of the file sync protocol ({@code file_sync_protocol.h}, platform-tools 29.0.6). */
public final class SyncProtocol {
    /** {@code SYNC_DATA_MAX}: the largest DATA chunk either side accepts. */
    public static final int DATA_MAX = 64 * 1024;

    /** The chunk size adbd uses when sending a file: SYNC_DATA_MAX minus the 8-byte DATA header. */
    public static final int DEVICE_CHUNK = DATA_MAX - 8;

    /** The longest path a request may carry ({@code do_stat}/{@code handle_sync_command}: "path too long"). */
    public static final int PATH_MAX = 1024;

    /** RCV2/SND2 flags (modern adb): at most one compression flag, plus dry-run for SND2. */
    public static final int FLAG_BROTLI = 1;

    public static final int FLAG_LZ4 = 2;
    public static final int FLAG_ZSTD = 4;
    public static final int FLAG_DRY_RUN = 0x80000000;

    private SyncProtocol() {}
}
