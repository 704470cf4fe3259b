package org.lifeboat.repository.prune;

import java.util.List;
import java.util.Set;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.RepositoryException;

/** Snapshots use blobs the index does not have; pruning now could hide the damage, so prune refuses. */
public final class MissingBlobsException extends RepositoryException {
    private final Set<BlobHandle> missing;

    public MissingBlobsException(Set<BlobHandle> missing) {
        super(missing.size() + " blob(s) used by snapshots are not in the index (for example "
                + List.copyOf(missing).subList(0, Math.min(3, missing.size()))
                + "); prune refuses to run: run 'check' first");
        this.missing = Set.copyOf(missing);
    }

    public Set<BlobHandle> missing() {
        return missing;
    }
}
