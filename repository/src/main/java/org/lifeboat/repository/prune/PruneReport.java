package org.lifeboat.repository.prune;

import java.util.List;
import org.lifeboat.repository.Id;

/** What prune did. */
public record PruneReport(
        int packsDeleted, int packsRepacked, long blobsRepacked, long bytesFreed, List<Id> newIndexFiles) {
    public PruneReport {
        newIndexFiles = List.copyOf(newIndexFiles);
    }
}
