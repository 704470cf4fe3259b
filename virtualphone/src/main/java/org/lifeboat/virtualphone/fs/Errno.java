package org.lifeboat.virtualphone.fs;

/**
 * The Linux errno values the phone's file system reports, with bionic's {@code strerror} text, so that tools print
 * exactly what toybox prints ({@code ls: /x: No such file or directory}) and sync replies carry real errno numbers
 * (the STA2 {@code error} field is a raw errno).
 */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    EIO(5, "I/O error"),
    EACCES(13, "Permission denied"),
    EEXIST(17, "File exists"),
    EXDEV(18, "Cross-device link"),
    ENOTDIR(20, "Not a directory"),
    EISDIR(21, "Is a directory"),
    EINVAL(22, "Invalid argument"),
    ENOSPC(28, "No space left on device"),
    EROFS(30, "Read-only file system"),
    ENAMETOOLONG(36, "File name too long"),
    ENOTEMPTY(39, "Directory not empty"),
    ELOOP(40, "Too many symbolic links encountered");

    private final int number;
    private final String text;

    Errno(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** The Linux errno number. */
    public int number() {
        return number;
    }

    /** What bionic's {@code strerror} prints for it. */
    public String text() {
        return text;
    }
}
