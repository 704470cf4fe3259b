package org.lifeboat.backup.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.index.PackedBlob;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;
import org.lifeboat.repository.walker.SnapshotPath;
import org.lifeboat.repository.walker.TreeLoader;
import org.lifeboat.repository.walker.TreeWalker;

/**
 * Proves that a snapshot reads back, as {@code restic check --read-data-subset} would for exactly the blobs one
 * snapshot needs: trees are loaded (decrypted and parsed) while walking, then every data blob is loaded, which
 * authenticates and hash-checks it. A damaged blob is reported as the files that use it, since that is what a person
 * can act on.
 */
final class SnapshotReadback {
    private final Repository repository;
    private final Executor workers;

    SnapshotReadback(Repository repository, Executor workers) {
        this.repository = repository;
        this.workers = workers;
    }

    Readback check(Id rootTree, boolean quick) throws IOException {
        Map<Id, List<String>> users = new LinkedHashMap<>();
        List<Readback.Damage> damaged = new ArrayList<>();
        AtomicLong trees = new AtomicLong(1);
        new TreeWalker(new TreeLoader(repository)).walk(SnapshotPath.ROOT, rootTree, new TreeWalker.Visitor() {
            @Override
            public void node(SnapshotPath path, Node node) {
                if (node.type() == NodeType.DIR) {
                    trees.incrementAndGet();
                } else if (node.type() == NodeType.FILE && node.size() > 0) {
                    node.content().forEach(id -> users.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(path.toString()));
                }
            }

            @Override
            public void unreadableTree(SnapshotPath path, Id tree, IOException error) {
                damaged.add(new Readback.Damage(
                        path + "/", "the folder's listing cannot be read (" + error.getMessage() + ")"));
            }
        });
        Map<Id, String> failures = quick ? missing(users.keySet()) : unreadable(users.keySet());
        failures.forEach(
                (blob, reason) -> users.get(blob).forEach(path -> damaged.add(new Readback.Damage(path, reason))));
        damaged.sort(java.util.Comparator.comparing(Readback.Damage::path));
        return new Readback(
                quick, trees.get(), users.size(), damaged.stream().distinct().toList());
    }

    /** Blobs the index does not know, or whose pack file is gone. */
    private Map<Id, String> missing(Iterable<Id> blobs) throws IOException {
        Map<Id, String> failures = new LinkedHashMap<>();
        Map<Id, Boolean> packs = new LinkedHashMap<>();
        for (Id blob : blobs) {
            Optional<PackedBlob> location = repository.index().lookup(new BlobHandle(blob, BlobType.DATA));
            if (location.isEmpty()) {
                failures.put(blob, "data blob " + blob.toShortString() + " is missing from the repository");
                continue;
            }
            Id pack = location.get().packId();
            Boolean present = packs.get(pack);
            if (present == null) {
                present = repository.backend().exists(FileHandle.of(FileType.PACK, pack));
                packs.put(pack, present);
            }
            if (!present) {
                failures.put(blob, "pack " + pack.toShortString() + " holding its data is missing");
            }
        }
        return failures;
    }

    /** Blobs that do not load intact; loaded in parallel, one task per blob. */
    private Map<Id, String> unreadable(java.util.Collection<Id> blobs) {
        Map<Id, String> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> loads = new ArrayList<>(blobs.size());
        for (Id blob : blobs) {
            loads.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            repository.loadBlob(new BlobHandle(blob, BlobType.DATA));
                        } catch (IOException e) {
                            failures.put(
                                    blob, "data blob " + blob.toShortString() + " is damaged (" + e.getMessage() + ")");
                        }
                    },
                    workers));
        }
        CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new)).join();
        return new LinkedHashMap<>(failures);
    }
}
