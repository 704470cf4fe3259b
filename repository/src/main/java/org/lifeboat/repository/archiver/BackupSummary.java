package org.lifeboat.repository.archiver;

import java.time.Duration;
import java.time.Instant;

/**
 * What one backup did, in restic's summary terms.
 *
 * @param dataAdded plaintext bytes of new blobs (data and trees)
 * @param dataAddedStored bytes those blobs take in the repository, compressed and encrypted
 */
public record BackupSummary(
        long filesNew,
        long filesChanged,
        long filesUnmodified,
        long dirsNew,
        long dirsChanged,
        long dirsUnmodified,
        long blobsAdded,
        long dataAdded,
        long dataAddedStored,
        long totalFilesProcessed,
        long totalBytesProcessed,
        Instant start,
        Instant end) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
