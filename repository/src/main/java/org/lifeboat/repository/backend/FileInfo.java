package org.lifeboat.repository.backend;

import java.util.Objects;

/** A stored file and its size in bytes, as listings and {@code stat} return them. */
public record FileInfo(FileHandle handle, long size) {
    public FileInfo {
        Objects.requireNonNull(handle, "handle");
        if (size < 0) {
            throw new IllegalArgumentException("a file size is never negative, got " + size);
        }
    }
}
