package org.lifeboat.repository.archiver;

import java.nio.file.Path;

/**
 * Progress of one backup, for a progress bar or JSON progress lines. Called from the backup's threads; implementations
 * must be thread-safe and quick.
 */
public interface BackupListener {
    BackupListener NONE = new BackupListener() {};

    /** The background scan found this many files and bytes so far; {@code finished} on its last call. */
    default void scanned(long files, long bytes, boolean finished) {}

    /** This many more bytes are done: read and queued, or skipped as unmodified. */
    default void bytesProcessed(long bytes) {}

    default void fileDone(Path path, FileStatus status, long size) {}

    /** An item could not be read; the backup goes on without it. */
    default void error(BackupError error) {}
}
