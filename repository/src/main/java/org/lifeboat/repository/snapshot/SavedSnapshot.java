package org.lifeboat.repository.snapshot;

import java.util.Objects;
import org.lifeboat.repository.Id;

/** A snapshot as stored in a repository: its file ID (the SHA-256 of the encrypted file) and its content. */
public record SavedSnapshot(Id id, Snapshot snapshot) {
    public SavedSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
