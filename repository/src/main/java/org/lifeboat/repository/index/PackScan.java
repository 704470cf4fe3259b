package org.lifeboat.repository.index;

import java.util.List;
import java.util.Set;
import org.lifeboat.repository.CorruptPackException;
import org.lifeboat.repository.Id;

/**
 * What reading pack headers found ({@link IndexRecovery}).
 *
 * @param recovered packs whose blobs were added to the index from their headers
 * @param unreadable packs whose header is damaged: their blobs stay unknown unless an index file lists them
 * @param incomplete the unreadable packs whose size no longer matches their index entries (truncated): those entries
 *     were dropped, so that the next backup stores their blobs again
 * @param missing packs the index lists but the repository no longer holds
 */
public record PackScan(
        List<IndexedPack> recovered, List<CorruptPackException> unreadable, Set<Id> incomplete, Set<Id> missing) {
    public static final PackScan NOTHING = new PackScan(List.of(), List.of(), Set.of(), Set.of());

    public PackScan {
        recovered = List.copyOf(recovered);
        unreadable = List.copyOf(unreadable);
        incomplete = Set.copyOf(incomplete);
        missing = Set.copyOf(missing);
    }

    public int recoveredBlobCount() {
        return recovered.stream().mapToInt(pack -> pack.blobs().size()).sum();
    }
}
