package org.lifeboat.repository.prune;

import java.util.List;
import java.util.Set;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.index.PackedBlob;

/**
 * What prune will do, computed without changing anything (so {@code --dry-run} can show it).
 *
 * @param keep packs whose every blob is used
 * @param repack partly used packs (or packs mixing data and trees): their used blobs move to new packs
 * @param delete packs with no used blob, and pack files no index lists
 * @param blobsToRepack the used blobs of the repacked packs, with their current location
 * @param bytesToFree the size of the packs that will be deleted or repacked
 */
public record PrunePlan(
        Set<Id> keep, Set<Id> repack, Set<Id> delete, List<PackedBlob> blobsToRepack, long bytesToFree) {
    public PrunePlan {
        keep = Set.copyOf(keep);
        repack = Set.copyOf(repack);
        delete = Set.copyOf(delete);
        blobsToRepack = List.copyOf(blobsToRepack);
    }

    public boolean isEmpty() {
        return repack.isEmpty() && delete.isEmpty();
    }
}
