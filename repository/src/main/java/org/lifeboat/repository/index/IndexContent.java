package org.lifeboat.repository.index;

import java.util.List;
import org.lifeboat.repository.Id;

/**
 * The decoded content of one index file.
 *
 * @param supersedes index files this one replaces (informational: restic stores but never uses it)
 */
public record IndexContent(List<Id> supersedes, List<IndexedPack> packs) {
    public IndexContent {
        supersedes = List.copyOf(supersedes);
        packs = List.copyOf(packs);
    }

    public int blobCount() {
        int count = 0;
        for (IndexedPack pack : packs) {
            count += pack.blobs().size();
        }
        return count;
    }
}
