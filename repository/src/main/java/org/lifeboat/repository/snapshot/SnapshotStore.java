package org.lifeboat.repository.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;

/** Loads, saves and deletes the snapshot files of a repository. */
public final class SnapshotStore {
    private final Repository repository;

    public SnapshotStore(Repository repository) {
        this.repository = repository;
    }

    /** Every snapshot, oldest first; a damaged snapshot file fails the whole listing with its name. */
    public List<SavedSnapshot> loadAll() throws IOException {
        List<SavedSnapshot> snapshots = new ArrayList<>();
        for (Id id : repository.list(FileType.SNAPSHOT)) {
            snapshots.add(load(id));
        }
        snapshots.sort(
                Comparator.comparing((SavedSnapshot s) -> s.snapshot().time().toInstant())
                        .thenComparing(SavedSnapshot::id));
        return snapshots;
    }

    public SavedSnapshot load(Id id) throws IOException {
        return new SavedSnapshot(id, SnapshotJson.decode(id, repository.loadUnpacked(FileType.SNAPSHOT, id)));
    }

    /** Stores the snapshot; the caller must have flushed the blobs it refers to (packs, then index, then this). */
    public SavedSnapshot save(Snapshot snapshot) throws IOException {
        Id id = repository.saveUnpacked(FileType.SNAPSHOT, SnapshotJson.encode(snapshot));
        return new SavedSnapshot(id, snapshot);
    }

    public void delete(Id id) throws IOException {
        repository.backend().delete(FileHandle.of(FileType.SNAPSHOT, id));
    }
}
