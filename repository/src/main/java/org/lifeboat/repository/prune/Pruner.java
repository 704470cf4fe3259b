package org.lifeboat.repository.prune;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileInfo;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.index.MasterIndex;
import org.lifeboat.repository.index.PackedBlob;
import org.lifeboat.repository.lock.RepositoryLock;
import org.lifeboat.repository.pack.PackBlob;

/**
 * Removes what no snapshot uses: deletes unused packs and repacks partly used ones.
 *
 * <p>The order keeps every referenced blob reachable at every moment, even after a crash: new packs, then a new
 * index (which supersedes all old ones), then deletion of old index files, and only then deletion of old packs.
 */
public final class Pruner {
    private final Repository repository;

    public Pruner(Repository repository) {
        this.repository = repository;
    }

    /**
     * Decides which packs to keep, repack and delete.
     *
     * @param used every blob that some snapshot still references (the tree walker's result)
     * @throws MissingBlobsException if a used blob is in no pack
     */
    public PrunePlan plan(Set<BlobHandle> used) throws IOException {
        MasterIndex index = repository.index();
        Map<Id, List<PackBlob>> byPack = index.blobsByPack();
        Map<Id, Long> sizes = new HashMap<>();
        for (FileInfo file : repository.backend().list(FileType.PACK)) {
            sizes.put(file.handle().id(), file.size());
        }
        // Claim each used blob from the pack that is most used, so duplicates in mostly-unused packs go away.
        List<Id> byUse = new ArrayList<>(byPack.keySet());
        Map<Id, Long> usedCount = new HashMap<>();
        for (Id packId : byUse) {
            usedCount.put(
                    packId,
                    byPack.get(packId).stream()
                            .filter(b -> used.contains(b.handle()))
                            .count());
        }
        byUse.sort(Comparator.comparingDouble(
                        (Id p) -> -(double) usedCount.get(p) / byPack.get(p).size())
                .thenComparing(Comparator.naturalOrder()));
        Set<BlobHandle> claimed = new HashSet<>();
        Set<Id> keep = new LinkedHashSet<>();
        Set<Id> repack = new LinkedHashSet<>();
        Set<Id> delete = new LinkedHashSet<>();
        List<PackedBlob> toRepack = new ArrayList<>();
        long bytesToFree = 0;
        for (Id packId : byUse) {
            List<PackBlob> blobs = byPack.get(packId);
            List<PackBlob> claimedHere = new ArrayList<>();
            for (PackBlob blob : blobs) {
                if (used.contains(blob.handle()) && claimed.add(blob.handle())) {
                    claimedHere.add(blob);
                }
            }
            boolean mixed =
                    blobs.stream().map(b -> b.handle().type()).distinct().count() > 1;
            if (claimedHere.size() == blobs.size() && !mixed) {
                keep.add(packId);
                continue;
            }
            bytesToFree += sizes.getOrDefault(packId, 0L);
            if (claimedHere.isEmpty()) {
                delete.add(packId);
            } else {
                repack.add(packId);
                claimedHere.forEach(blob -> toRepack.add(new PackedBlob(packId, blob)));
            }
        }
        Set<BlobHandle> missing = new LinkedHashSet<>(used);
        missing.removeAll(claimed);
        if (!missing.isEmpty()) {
            throw new MissingBlobsException(missing);
        }
        for (Map.Entry<Id, Long> file : sizes.entrySet()) {
            if (!byPack.containsKey(file.getKey())) {
                delete.add(file.getKey()); // no index lists it; under an exclusive lock no backup is writing it
                bytesToFree += file.getValue();
            }
        }
        return new PrunePlan(keep, repack, delete, toRepack, bytesToFree);
    }

    /**
     * Carries out a plan. Requires an exclusive lock, because deleting packs under a running backup loses its data.
     *
     * @throws IllegalArgumentException if the lock is not exclusive
     */
    public PruneReport execute(PrunePlan plan, RepositoryLock lock) throws IOException {
        if (!lock.isExclusive()) {
            throw new IllegalArgumentException("prune needs an exclusive lock");
        }
        lock.checkStillHeld();
        if (plan.isEmpty()) {
            return new PruneReport(0, 0, 0, 0, List.of());
        }
        MasterIndex index = repository.index();
        Set<Id> obsolete = new LinkedHashSet<>(plan.repack());
        obsolete.addAll(plan.delete());
        // Forget the old packs first so that saveBlob stores the repacked blobs again instead of deduplicating.
        index.removePacks(obsolete);
        for (PackedBlob blob : plan.blobsToRepack()) {
            repository.saveBlob(blob.handle().type(), repository.loadBlob(blob));
        }
        List<Id> newIndexFiles = repository.rewriteIndex();
        lock.checkStillHeld();
        for (Id packId : obsolete) {
            repository.backend().delete(FileHandle.of(FileType.PACK, packId));
        }
        return new PruneReport(
                plan.delete().size(),
                plan.repack().size(),
                plan.blobsToRepack().size(),
                plan.bytesToFree(),
                newIndexFiles);
    }
}
