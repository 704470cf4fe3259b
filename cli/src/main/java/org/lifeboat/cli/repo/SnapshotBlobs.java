package org.lifeboat.cli.repo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.snapshot.SnapshotStore;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.walker.SnapshotPath;
import org.lifeboat.repository.walker.TreeLoader;
import org.lifeboat.repository.walker.TreeWalker;

/** Joins the storage layer's findings to snapshot contents: which blobs snapshots use, which files are damaged. */
final class SnapshotBlobs {
    private final Repository repository;
    private final TreeWalker walker;

    SnapshotBlobs(Repository repository) {
        this.repository = repository;
        this.walker = new TreeWalker(new TreeLoader(repository));
    }

    /** Every blob some snapshot references; fails if a snapshot or tree cannot be read (prune must not guess). */
    Set<BlobHandle> usedBlobs() throws IOException {
        List<Id> roots = new ArrayList<>();
        for (SavedSnapshot snapshot : new SnapshotStore(repository).loadAll()) {
            roots.add(snapshot.snapshot().tree());
        }
        return walker.collectBlobs(roots);
    }

    /**
     * Walks every snapshot and reports, one line each, damaged snapshots, unreadable trees, and files that use a
     * blob for which {@code bad} holds (damaged, or missing from the index).
     */
    List<String> findDamage(Predicate<BlobHandle> bad) throws IOException {
        List<String> findings = new ArrayList<>();
        for (Id snapshotId : repository.list(FileType.SNAPSHOT)) {
            String snapshot = snapshotId.toShortString();
            SavedSnapshot saved;
            try {
                saved = new SnapshotStore(repository).load(snapshotId);
            } catch (IOException e) {
                findings.add("snapshot " + snapshot + " cannot be read: " + e.getMessage());
                continue;
            }
            Id root = saved.snapshot().tree();
            if (bad.test(new BlobHandle(root, BlobType.TREE))) {
                findings.add(
                        "snapshot " + snapshot + ": its root tree " + root.toShortString() + " is damaged or missing");
                continue;
            }
            walker.walk(SnapshotPath.ROOT, root, new TreeWalker.Visitor() {
                @Override
                public void node(SnapshotPath path, Node node) {
                    for (Id data : node.content()) {
                        if (bad.test(new BlobHandle(data, BlobType.DATA))) {
                            findings.add("snapshot " + snapshot + ": file " + path + " uses damaged or missing blob "
                                    + data.toShortString());
                            return;
                        }
                    }
                }

                @Override
                public void unreadableTree(SnapshotPath path, Id tree, IOException error) {
                    findings.add("snapshot " + snapshot + ": directory " + path + " (tree " + tree.toShortString()
                            + ") cannot be read: " + error.getMessage());
                }
            });
        }
        return findings;
    }
}
