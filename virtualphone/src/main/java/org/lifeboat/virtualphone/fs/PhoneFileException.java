package org.lifeboat.virtualphone.fs;

import java.io.IOException;

/** A file operation on the phone failed the way the kernel would fail it: with an errno for one path. */
public final class PhoneFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Errno errno;
    private final String path;

    public PhoneFileException(Errno errno, String path) {
        super(path + ": " + errno.text());
        this.errno = errno;
        this.path = path;
    }

    public Errno errno() {
        return errno;
    }

    /** The phone path as the caller gave it. */
    public String path() {
        return path;
    }
}
