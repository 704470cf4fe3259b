package org.lifeboat.repository.repair;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * pack headers, without the damaged index files and without entries for packs that are gone.
 *
 * <p>Crash safety: the new index files are stored (fsynced and renamed into place) before any old one is deleted, so
 * at every moment each intact pack is listed by an old or a new index file. A crash in between leaves packs listed
 * twice with identical entries, which restic and Lifeboat accept, and the damaged files that the next repair removes.
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
        List<CorruptFileException> damaged = repository.loadIndexSkippingDamaged();
        MasterIndex index = repository.index();
        List<Id> undecodable = new ArrayList<>(repository.list(FileType.INDEX));
        undecodable.removeAll(index.indexFileIds());
        PackScan packs = new IndexRecovery(repository.backend(), repository.masterKey())
                .addPacksFromHeaders(
                        index, readAllPacks ? IndexRecovery.Scope.ALL : IndexRecovery.Scope.UNINDEXED_OR_MISMATCHED);
        if (undecodable.isEmpty()
                && packs.recovered().isEmpty()
                && packs.missing().isEmpty()) {
            return new IndexRepairReport(
                    List.of(), packs, List.of(), List.of(), index.packIds().size());
        }
        index.removePacks(packs.missing());
        lock.checkStillHeld();
        Set<Id> replaced = index.indexFileIds();
        List<Id> written = repository.rewriteIndex();
        lock.checkStillHeld();
        for (Id file : undecodable) {
            repository.backend().delete(FileHandle.of(FileType.INDEX, file));
        }
        List<Id> deleted = new ArrayList<>(replaced);
        deleted.removeAll(written);
        deleted.addAll(undecodable);
        return new IndexRepairReport(
                damaged, packs, written, deleted, index.packIds().size());
    }
}
