package org.lifeboat.virtualphone.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Translations between host file-system results and the phone's errno and mode values. */
final class HostErrors {
    private HostErrors() {}

    /** The errno a host failure stands for, reported against the phone path the caller used. */
    static PhoneFileException translate(IOException e, String shown) {
        if (e instanceof PhoneFileException phone) {
            return phone;
        }
        Errno errno = Errno.EIO;
        if (e instanceof NoSuchFileException) {
            errno = Errno.ENOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            errno = Errno.EEXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            errno = Errno.ENOTEMPTY;
        } else if (e instanceof NotDirectoryException) {
            errno = Errno.ENOTDIR;
        } else if (e instanceof AccessDeniedException) {
            errno = Errno.EACCES;
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            errno = errnoForReason(fse.getReason());
        }
        return new PhoneFileException(errno, shown);
    }

    private static Errno errnoForReason(String reason) {
        return switch (reason) {
            case "Not a directory" -> Errno.ENOTDIR;
            case "Is a directory" -> Errno.EISDIR;
            case "Directory not empty" -> Errno.ENOTEMPTY;
            case "No space left on device" -> Errno.ENOSPC;
            case "Invalid cross-device link" -> Errno.EXDEV;
            case "File name too long" -> Errno.ENAMETOOLONG;
            case "Too many levels of symbolic links" -> Errno.ELOOP;
            default -> Errno.EIO;
        };
    }

    static Set<PosixFilePermission> toPosix(int permissions) {
        StringBuilder rwx = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 8; bit >= 0; bit--) {
            rwx.append((permissions & (1 << bit)) != 0 ? letters.charAt(8 - bit) : '-');
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }

    /** PosixFilePermission's ordinals run OWNER_READ (bit 8) to OTHERS_EXECUTE (bit 0). */
    static int fromPosix(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }
}
