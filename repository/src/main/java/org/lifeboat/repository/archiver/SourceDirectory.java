package org.lifeboat.repository.archiver;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lifeboat.repository.tree.ByteString;

/**
 * A directory of a virtual source; its children must have distinct names.
 *
 * @param generated made by the producer rather than found on the source (an export folder such as {@code contacts/}),
 *     so its mtime is only the backup's time and says nothing about its contents: when they are unchanged,
 *     {@link TreeBackup} keeps the parent snapshot's times, and an unchanged source gives an unchanged tree
 */
public record SourceDirectory(
        ByteString name, Instant mtime, int permissions, List<SourceEntry> children, boolean generated)
        implements SourceEntry {

    public SourceDirectory {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mtime, "mtime");
        children = List.copyOf(children);
    }

    /** A directory found on the source, with mode 0755. */
    public static SourceDirectory of(String name, Instant mtime, List<SourceEntry> children) {
        return new SourceDirectory(ByteString.utf8(name), mtime, 0755, children, false);
    }

    /** A directory the producer made up, with mode 0755, dated {@code backupTime} unless its contents are unchanged. */
    public static SourceDirectory generated(String name, Instant backupTime, List<SourceEntry> children) {
        return new SourceDirectory(ByteString.utf8(name), backupTime, 0755, children, true);
    }
}
