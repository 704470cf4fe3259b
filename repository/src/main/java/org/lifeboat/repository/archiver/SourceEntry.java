package org.lifeboat.repository.archiver;

import java.time.Instant;
import org.lifeboat.repository.tree.ByteString;

/**
 * An item of a backup source that is not a local folder: a file or directory described by its producer (a phone
 * listed over adb, or a document generated in memory) rather than found by walking the disk. See {@link TreeBackup}.
 */
public sealed interface SourceEntry permits SourceFile, SourceDirectory {
    /** One path component, raw bytes. */
    ByteString name();

    /** The modification time the snapshot records and that change detection compares. */
    Instant mtime();

    /** POSIX permission bits, for example {@code 0644}. */
    int permissions();
}
