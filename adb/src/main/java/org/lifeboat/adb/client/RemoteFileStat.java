package org.lifeboat.adb.client;

import java.time.Instant;

/**
 * A file's metadata as the phone reports it through sync {@code STAT} (v1) or {@code LST2} (v2).
 *
 * @param mode the Linux {@code st_mode}: file type and permission bits
 * @param size the size in bytes; exact only when {@link #sizeExact()}, because legacy stat truncates it to 32 bits
 * @param mtime the modification time, whole seconds
 * @param sizeExact false for phones without {@code stat_v2}, where files over 4 GiB report their size modulo 2^32
 */
public record RemoteFileStat(int mode, long size, Instant mtime, boolean sizeExact) {
    private static final int TYPE_MASK = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int REGULAR = 0100000;
    private static final int SYMLINK = 0120000;

    public boolean isDirectory() {
        return (mode & TYPE_MASK) == DIRECTORY;
    }

    public boolean isRegularFile() {
        return (mode & TYPE_MASK) == REGULAR;
    }

    public boolean isSymbolicLink() {
        return (mode & TYPE_MASK) == SYMLINK;
    }

    /** The permission bits, for example {@code 0644}. */
    public int permissions() {
        return mode & 07777;
    }
}
