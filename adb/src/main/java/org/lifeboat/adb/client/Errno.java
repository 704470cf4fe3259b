package org.lifeboat.adb.client;

/** Names for the Linux errno values that {@code stat_v2} reports (bionic's asm-generic/errno-base.h). */
final class Errno {
    private Errno() {}

    static String describe(int errno) {
        String name =
                switch (errno) {
                    case 1 -> "EPERM, operation not permitted";
                    case 2 -> "ENOENT, no such file or directory";
                    case 5 -> "EIO, input/output error";
                    case 13 -> "EACCES, permission denied";
                    case 20 -> "ENOTDIR, not a directory";
                    case 36 -> "ENAMETOOLONG, file name too long";
                    case 40 -> "ELOOP, too many symbolic links";
                    default -> "errno " + errno;
                };
        return name;
    }
}
