package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.PrintWriter;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.index.IndexRecoveryReport;
import org.lifeboat.repository.snapshot.SavedSnapshot;

/** What restore, ls and dump read before they start: the chosen snapshot, then the index (restic's read order). */
record SnapshotAndIndex(SavedSnapshot snapshot, IndexRecoveryReport indexRecovery) {
    /**
     * Finds {@code spec} (an ID, a prefix or "latest", of {@code host} if given) among the readable snapshots, then
     * loads the index; a snapshot listed first has its blobs in the index loaded after, even while backups run.
     */
    static SnapshotAndIndex load(Repository repository, String spec, String host, PrintWriter err) throws IOException {
        SavedSnapshot snapshot = SnapshotSelection.find(SnapshotSelection.readable(repository, err), spec, host);
        // Before any output: the warning about a damaged index belongs above whatever it cost.
        return new SnapshotAndIndex(snapshot, RecoveredIndexWarning.loadIndex(repository, err));
    }
}
