package org.lifeboat.repository.index;

import java.util.List;
import java.util.Objects;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.pack.PackBlob;

/** One pack as an index file lists it; restic 0.19 requires all of a pack's blobs to be in one index file. */
public record IndexedPack(Id packId, List<PackBlob> blobs) {
    public IndexedPack {
        Objects.requireNonNull(packId, "packId");
        blobs = List.copyOf(blobs);
    }
}
