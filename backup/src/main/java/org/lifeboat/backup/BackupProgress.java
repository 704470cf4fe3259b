package org.lifeboat.backup;

import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.collect.TypeReport;
import org.lifeboat.repository.archiver.BackupListener;

/**
 * Progress of a phone backup for a terminal or JSON progress lines: the phases, each type as it is collected, then
 * the repository's byte-level progress while files stream in. Called from several threads.
 */
public interface BackupProgress extends BackupListener {
    BackupProgress NONE = new BackupProgress() {};

    /** Collecting {@code type} from the phone starts. */
    default void collecting(DataType type) {}

    default void collected(TypeReport report) {}

    /** Storing starts: this many bytes of phone files and exports are to be processed. */
    default void storing(long totalBytes, long totalFiles) {}
}
