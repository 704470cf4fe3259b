package org.lifeboat.virtualphone.fs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code stat(2)} answers for one phone file. Owners and permission bits are the phone's (for example
 * {@code u0_a123:media_rw 0660} on FUSE shared storage), not the host's.
 *
 * @param permissions the low 12 mode bits (permissions, setuid, setgid, sticky)
 * @param blocks 512-byte blocks allocated, as {@code st_blocks}
 * @param linkTarget the symlink's target, for symlinks only
 */
public record FileStat(
        FileType type,
        long size,
        int permissions,
        int uid,
        int gid,
        Instant modified,
        Instant accessed,
        Instant changed,
        long device,
        long inode,
        int links,
        long blocks,
        Optional<String> linkTarget) {

    public FileStat {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(accessed, "accessed");
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(linkTarget, "linkTarget");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + size);
        }
    }

    /** The full {@code st_mode}: type bits and permission bits. */
    public int mode() {
        return type.modeBits() | permissions;
    }

    public boolean isDirectory() {
        return type == FileType.DIRECTORY;
    }

    public boolean isRegularFile() {
        return type == FileType.REGULAR;
    }

    public boolean isSymlink() {
        return type == FileType.SYMLINK;
    }
}
