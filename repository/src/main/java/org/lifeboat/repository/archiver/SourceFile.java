package org.lifeboat.repository.archiver;

import java.time.Instant;
import java.util.Objects;
import org.lifeboat.repository.tree.ByteString;

/**
 * A file of a virtual source.
 *
 * @param size the size its producer announces; with {@link #mtime()} it decides whether the parent snapshot's copy is
 *     reused. The snapshot records the number of bytes actually read.
 * @param content opened only when the file has changed since the parent snapshot
 */
public record SourceFile(ByteString name, long size, Instant mtime, int permissions, FileContent content)
        implements SourceEntry {

    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mtime, "mtime");
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("file " + name + " has a negative size: " + size);
        }
    }

    /** A generated file whose bytes are already in memory (a small export such as a vCard or a report). */
    public static SourceFile ofBytes(String name, byte[] bytes, Instant mtime) {
        byte[] copy = bytes.clone();
        return new SourceFile(ByteString.utf8(name), copy.length, mtime, 0644, FileContent.of(copy));
    }
}
