package org.lifeboat.repository.tree;

/**
 * Go's {@code os.FileMode} bits, which restic stores in a node's {@code mode}; not POSIX {@code st_mode}. An
 * unsigned 32-bit value: a directory's mode is above 2^31.
 */
public record FileMode(int bits) {
    public static final int DIR = 1 << 31;
    public static final int SYMLINK = 1 << 27;
    public static final int DEVICE = 1 << 26;
    public static final int NAMED_PIPE = 1 << 25;
    public static final int SOCKET = 1 << 24;
    public static final int SETUID = 1 << 23;
    public static final int SETGID = 1 << 22;
    public static final int CHAR_DEVICE = 1 << 21;
    public static final int STICKY = 1 << 20;
    public static final int PERMISSIONS = 0777;

    private static final int S_IFMT = 0170000;

    /** Converts a POSIX {@code st_mode} (type and permission bits) as restic's {@code nodeTypeFromFileInfo} does. */
    public static FileMode fromUnixMode(int unixMode) {
        int bits = unixMode & PERMISSIONS;
        bits |= switch (unixMode & S_IFMT) {
            case 0040000 -> DIR;
            case 0120000 -> SYMLINK;
            case 0060000 -> DEVICE;
            case 0020000 -> DEVICE | CHAR_DEVICE;
            case 0010000 -> NAMED_PIPE;
            case 0140000 -> SOCKET;
            default -> 0;
        };
        if ((unixMode & 04000) != 0) {
            bits |= SETUID;
        }
        if ((unixMode & 02000) != 0) {
            bits |= SETGID;
        }
        if ((unixMode & 01000) != 0) {
            bits |= STICKY;
        }
        return new FileMode(bits);
    }

    /** The POSIX permission bits including setuid, setgid and sticky (07777), as {@code chmod} takes them. */
    public int unixPermissions() {
        int mode = bits & PERMISSIONS;
        if ((bits & SETUID) != 0) {
            mode |= 04000;
        }
        if ((bits & SETGID) != 0) {
            mode |= 02000;
        }
        if ((bits & STICKY) != 0) {
            mode |= 01000;
        }
        return mode;
    }

    /** The decimal form restic writes: unsigned. */
    public String toJson() {
        return Integer.toUnsignedString(bits);
    }

    @Override
    public String toString() {
        return String.format("%s(%04o)", toJson(), unixPermissions());
    }
}
