package org.lifeboat.repository.archiver;

import java.util.List;
import org.lifeboat.repository.snapshot.SavedSnapshot;

/** The snapshot a backup wrote, its summary, and the items it had to leave out. */
public record BackupResult(SavedSnapshot snapshot, BackupSummary summary, List<BackupError> errors) {
    public BackupResult {
        errors = List.copyOf(errors);
    }

    public boolean isComplete() {
        return errors.isEmpty();
    }
}
