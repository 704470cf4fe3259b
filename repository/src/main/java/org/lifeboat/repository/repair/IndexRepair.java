package org.lifeboat.repository.repair;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.index.IndexRecovery;
import org.lifeboat.repository.index.MasterIndex;
import org.lifeboat.repository.index.PackScan;
import org.lifeboat.repository.lock.RepositoryLock;

/**
 * restic's {@code repair index} ({@code rebuild-index} in 0.14): a new index from the readable index files and the
 * pack headers, without the damaged index files and without entries for packs that are gone or truncated.
 *
 * <p>Crash safety: the new index files are stored (fsynced and renamed into place) before any old one is deleted, so
 * at every moment each intact pack is listed by an old or a new index file. A crash in between leaves packs listed
 * twice. For most the two listings are identical, which restic and Lifeboat accept; but the entries of packs whose
 * header was re-read differ, and those of incomplete packs are only in the old files, and whichever file loads first
 * wins. The old files are still size-mismatched or damaged, so running the repair again finishes the job.
 */
public final class IndexRepair {
    private final Repository repository;

    public IndexRepair(Repository repository) {
        this.repository = repository;
    }

    /**
     * Repairs the index. Requires the exclusive lock: a backup writing meanwhile would lose its index entries.
     *
     * @param readAllPacks re-read every pack header, not just those of packs no readable index file describes
     * @throws IllegalArgumentException if the lock is not exclusive
     */
    public IndexRepairReport repair(boolean readAllPacks, RepositoryLock lock) throws IOException {
        if (!lock.isExclusive()) {
            throw new IllegalArgumentException("repairing the index needs an exclusive lock");
        }
        Map<Id, CorruptFileException> damaged = repository.loadIndexSkippingDamagedById();
        MasterIndex index = repository.index();
        PackScan packs = new IndexRecovery(repository.backend(), repository.masterKey())
                .addPacksFromHeaders(
                        index, readAllPacks ? IndexRecovery.Scope.ALL : IndexRecovery.Scope.UNINDEXED_OR_MISMATCHED);
        if (damaged.isEmpty()
                && packs.recovered().isEmpty()
                && packs.incomplete().isEmpty()
                && packs.missing().isEmpty()) {
            return new IndexRepairReport(
                    List.of(), packs, List.of(), List.of(), index.packIds().size());
        }
        index.removePacks(packs.missing());
        lock.checkStillHeld();
        Set<Id> replaced = index.indexFileIds();
        List<Id> written = repository.rewriteIndex();
        lock.checkStillHeld();
        // Only the files this repair read and found damaged: one that appeared since is someone else's, unread.
        for (Id file : damaged.keySet()) {
            repository.backend().delete(FileHandle.of(FileType.INDEX, file));
        }
        List<Id> deleted = new ArrayList<>(replaced);
        deleted.removeAll(written);
        deleted.addAll(damaged.keySet());
        return new IndexRepairReport(
                List.copyOf(damaged.values()),
                packs,
                written,
                deleted,
                index.packIds().size());
    }
}
