package org.lifeboat.repository.snapshot;

import org.lifeboat.repository.RepositoryException;

/** No snapshot matches an ID, ID prefix or {@code latest}, or a prefix matches several. */
public final class SnapshotNotFoundException extends RepositoryException {
    public SnapshotNotFoundException(String message) {
        super(message);
    }
}
