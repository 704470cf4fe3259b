package org.lifeboat.adb.protocol;

/**
 * What a STAT/STA2/LST2 or a directory entry reports about one file: the fields of {@code stat_v2}
 * ({@code file_sync_protocol.h}); v1 messages carry only mode, size and mtime, truncated to 32 bits.
 *
 * @param error a Linux errno (ENOENT=2, EACCES=13, ENOTDIR=20) when the stat failed, else 0
 * @param size the true 64-bit size; v1 encodings keep only the low 32 bits, as real devices do
 */
public record SyncStat(
        int error,
        long dev,
        long ino,
        int mode,
        int nlink,
        int uid,
        int gid,
        long size,
        long atimeSeconds,
        long mtimeSeconds,
        long ctimeSeconds) {
    public static final int ENOENT = 2;
    public static final int EACCES = 13;
    public static final int ENOTDIR = 20;

    /** The S_IFMT bits of {@code mode}. */
    public static final int TYPE_MASK = 0170000;

    public static final int TYPE_DIRECTORY = 0040000;
    public static final int TYPE_REGULAR = 0100000;
    public static final int TYPE_SYMLINK = 0120000;

    /** A failed stat: every field but the errno is zero, as adbd sends it. */
    public static SyncStat failed(int errno) {
        return new SyncStat(errno, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public boolean exists() {
        return error == 0 && mode != 0;
    }

    public boolean isDirectory() {
        return (mode & TYPE_MASK) == TYPE_DIRECTORY;
    }

    public boolean isRegularFile() {
        return (mode & TYPE_MASK) == TYPE_REGULAR;
    }

    public boolean isSymbolicLink() {
        return (mode & TYPE_MASK) == TYPE_SYMLINK;
    }
}
