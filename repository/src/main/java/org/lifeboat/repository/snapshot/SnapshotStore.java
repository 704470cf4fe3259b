package org.lifeboat.repository.snapshot;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;

/** Loads, saves and deletes the snapshot files of a repository. */
public final class SnapshotStore {
    private static final Comparator<SavedSnapshot> ORDER = Comparator.comparing(
                    (SavedSnapshot s) -> s.snapshot().time().toInstant())
            .thenComparing(SavedSnapshot::id);

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
        snapshots.sort(ORDER);
        return snapshots;
    }

    /**
     * Every snapshot that can be read, oldest first; each damaged snapshot file goes to {@code onDamaged} and is left
     * out. For reading commands: one damaged snapshot must not hide the others. Deciding what to delete (forget,
     * prune) needs {@link #loadAll()} instead.
     */
    public List<SavedSnapshot> loadReadable(Consumer<CorruptFileException> onDamaged) throws IOException {
        List<SavedSnapshot> snapshots = new ArrayList<>();
        for (Id id : repository.list(FileType.SNAPSHOT)) {
            try {
                snapshots.add(load(id));
            } catch (CorruptFileException e) {
                onDamaged.accept(e);
            } catch (NoSuchFileException e) {
                // Removed by a concurrent forget between listing and loading.
            }
        }
        snapshots.sort(ORDER);
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
