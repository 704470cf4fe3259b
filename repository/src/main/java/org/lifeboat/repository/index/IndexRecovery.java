package org.lifeboat.repository.index;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lifeboat.repository.CorruptPackException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.backend.Backend;
import org.lifeboat.repository.backend.FileInfo;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.crypto.MasterKey;
import org.lifeboat.repository.pack.PackBlob;
import org.lifeboat.repository.pack.PackFile;
import org.lifeboat.repository.pack.PackHeader;

/**
 * Recovers index entries from pack headers, as restic's {@code repair index} does: every pack header lists its blobs,
 * so a damaged or lost index file loses nothing as long as the packs are intact.
 */
public final class IndexRecovery {
    private final Backend backend;
    private final MasterKey key;

    public IndexRecovery(Backend backend, MasterKey key) {
        this.backend = backend;
        this.key = key;
    }

    /** Which pack headers to read. */
    public enum Scope {
        /** Packs that no loaded index file lists: cheap enough for every command that needs the index. */
        UNINDEXED,
        /** Also packs whose file size differs from the size their index entries imply ({@code repair index}). */
        UNINDEXED_OR_MISMATCHED,
        /** Every pack ({@code repair index --read-all-packs}). */
        ALL
    }

    /**
     * Reads the headers of the packs in scope and adds the blobs they list to {@code index} as unsaved packs, so that
     * the next index write lists them. A pack the index already lists is replaced only if its header says something
     * else. A pack whose header cannot be read keeps its index entries only while its size still matches them: one
     * that shrank or grew (truncated by a full disk, its header gone) loses them, as restic's {@code repair index}
     * "skipped incomplete pack file", because entries for blobs that are not there would make every later backup
     * skip uploading those blobs again.
     */
    public PackScan addPacksFromHeaders(MasterIndex index, Scope scope) throws IOException {
        Map<Id, Long> stored = new LinkedHashMap<>();
        for (FileInfo file : backend.list(FileType.PACK)) {
            stored.put(file.handle().id(), file.size());
        }
        Set<Id> indexedPacks = index.packIds();
        Map<Id, List<PackBlob>> indexed = scope == Scope.UNINDEXED ? Map.of() : index.blobsByPack();
        List<IndexedPack> recovered = new ArrayList<>();
        List<CorruptPackException> unreadable = new ArrayList<>();
        Set<Id> incomplete = new LinkedHashSet<>();
        for (Map.Entry<Id, Long> pack : stored.entrySet()) {
            Id packId = pack.getKey();
            List<PackBlob> known = indexed.get(packId);
            boolean read =
                    switch (scope) {
                        case UNINDEXED -> !indexedPacks.contains(packId);
                        case UNINDEXED_OR_MISMATCHED -> known == null || PackHeader.packSize(known) != pack.getValue();
                        case ALL -> true;
                    };
            if (!read) {
                continue;
            }
            try {
                List<PackBlob> header = PackFile.readHeader(backend, key, packId, pack.getValue());
                if (!header.equals(known)) {
                    recovered.add(new IndexedPack(packId, header));
                }
            } catch (CorruptPackException e) {
                unreadable.add(e);
                if (known != null && PackHeader.packSize(known) != pack.getValue()) {
                    incomplete.add(packId);
                }
            } catch (NoSuchFileException e) {
                // Deleted since the listing (a prune elsewhere): there is nothing left to recover.
            }
        }
        List<Id> replaced = new ArrayList<>(incomplete);
        recovered.stream()
                .map(IndexedPack::packId)
                .filter(indexedPacks::contains)
                .forEach(replaced::add);
        if (!replaced.isEmpty()) {
            index.removePacks(replaced);
        }
        recovered.forEach(index::addUnsavedPack);
        Set<Id> missing = new LinkedHashSet<>(indexedPacks);
        missing.removeAll(stored.keySet());
        return new PackScan(recovered, unreadable, incomplete, missing);
    }
}
