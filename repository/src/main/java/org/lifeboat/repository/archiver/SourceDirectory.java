package org.lifeboat.repository.archiver;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lifeboat.repository.tree.ByteString;

/** A directory of a virtual source; its children must have distinct names. */
public record SourceDirectory(ByteString name, Instant mtime, int permissions, List<SourceEntry> children)
        implements SourceEntry {

    public SourceDirectory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mtime, "mtime");
        children = List.copyOf(children);
    }

    /** A directory with mode 0755. */
    public static SourceDirectory of(String name, Instant mtime, List<SourceEntry> children) {
        return new SourceDirectory(ByteString.utf8(name), mtime, 0755, children);
    }
}
