package org.lifeboat.repository.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.pack.PackBlob;

/**
 * Every blob of every index file of a repository, plus packs uploaded in this session that no index file lists yet.
 *
 * <p>Thread-safe: lookups run concurrently while uploads add packs.
 */
public final class MasterIndex {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private CompactIndex blobs = new CompactIndex();
    private final List<Id> packsByOrdinal = new ArrayList<>();
    private final Map<Id, Integer> packOrdinals = new HashMap<>();
    private final Set<Id> indexFiles = new LinkedHashSet<>();
    private final Map<Id, IndexedPack> unsavedPacks = new LinkedHashMap<>();

    /** Merges an index file that was loaded from the repository or has just been written. */
    public void addIndexFile(Id indexId, IndexContent content) {
        lock.writeLock().lock();
        try {
            indexFiles.add(indexId);
            for (IndexedPack pack : content.packs()) {
                unsavedPacks.remove(pack.packId());
                addPack(pack);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds a pack that is stored but not yet listed in an index file. */
    public void addUnsavedPack(IndexedPack pack) {
        lock.writeLock().lock();
        try {
            if (addPack(pack)) {
                unsavedPacks.put(pack.packId(), pack);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The packs that the next index file must list. */
    public List<IndexedPack> unsavedPacks() {
        lock.readLock().lock();
        try {
            return List.copyOf(unsavedPacks.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean addPack(IndexedPack pack) {
        // A pack listed identically in two index files is legal; count its blobs once.
        if (packOrdinals.containsKey(pack.packId())) {
            return false;
        }
        int ordinal = packsByOrdinal.size();
        packsByOrdinal.add(pack.packId());
        packOrdinals.put(pack.packId(), ordinal);
        for (PackBlob blob : pack.blobs()) {
            blobs.add(blob.handle(), ordinal, blob.offset(), blob.length(), blob.uncompressedLength());
        }
        return true;
    }

    /** Some pack holding the blob. */
    public Optional<PackedBlob> lookup(BlobHandle handle) {
        lock.readLock().lock();
        try {
            int entry = blobs.findFirst(handle);
            return entry < 0 ? Optional.empty() : Optional.of(packedBlob(entry));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every pack holding the blob (a blob may be stored more than once). */
    public List<PackedBlob> lookupAll(BlobHandle handle) {
        lock.readLock().lock();
        try {
            List<PackedBlob> found = new ArrayList<>();
            for (int entry : blobs.find(handle)) {
                found.add(packedBlob(entry));
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean has(BlobHandle handle) {
        lock.readLock().lock();
        try {
            return blobs.findFirst(handle) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The number of (blob, pack) entries. */
    public int entryCount() {
        lock.readLock().lock();
        try {
            return blobs.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Set<Id> packIds() {
        lock.readLock().lock();
        try {
            return Set.copyOf(packOrdinals.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The index files merged so far (loaded or written in this session). */
    public Set<Id> indexFileIds() {
        lock.readLock().lock();
        try {
            return Set.copyOf(indexFiles);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every pack with its blobs in file order; builds a map, so meant for check, prune and index rewrites. */
    public Map<Id, List<PackBlob>> blobsByPack() {
        lock.readLock().lock();
        try {
            Map<Id, List<PackBlob>> byPack = new LinkedHashMap<>();
            for (Id packId : packOrdinals.keySet()) {
                byPack.put(packId, new ArrayList<>());
            }
            for (int entry = 0; entry < blobs.size(); entry++) {
                Id packId = packsByOrdinal.get(blobs.packOrdinal(entry));
                List<PackBlob> packBlobs = byPack.get(packId);
                if (packBlobs != null) {
                    packBlobs.add(packBlob(entry));
                }
            }
            for (List<PackBlob> packBlobs : byPack.values()) {
                packBlobs.sort((a, b) -> Long.compare(a.offset(), b.offset()));
            }
            return byPack;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Forgets these packs, for prune once their blobs live elsewhere or are no longer needed. */
    public void removePacks(Collection<Id> packIds) {
        lock.writeLock().lock();
        try {
            Set<Integer> removed = new LinkedHashSet<>();
            for (Id packId : packIds) {
                Integer ordinal = packOrdinals.remove(packId);
                if (ordinal != null) {
                    removed.add(ordinal);
                }
                unsavedPacks.remove(packId);
            }
            CompactIndex kept = new CompactIndex();
            for (int entry = 0; entry < blobs.size(); entry++) {
                int ordinal = blobs.packOrdinal(entry);
                if (!removed.contains(ordinal)) {
                    kept.add(
                            blobs.handle(entry),
                            ordinal,
                            blobs.offset(entry),
                            blobs.length(entry),
                            blobs.uncompressedLength(entry));
                }
            }
            blobs = kept;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Records that index files were replaced by others that list the same packs (prune's index rewrite). */
    public void replaceIndexFiles(Collection<Id> removed, Collection<Id> added) {
        lock.writeLock().lock();
        try {
            indexFiles.removeAll(removed);
            indexFiles.addAll(added);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private PackedBlob packedBlob(int entry) {
        return new PackedBlob(packsByOrdinal.get(blobs.packOrdinal(entry)), packBlob(entry));
    }

    private PackBlob packBlob(int entry) {
        return new PackBlob(
                blobs.handle(entry), blobs.offset(entry), blobs.length(entry), blobs.uncompressedLength(entry));
    }
}
