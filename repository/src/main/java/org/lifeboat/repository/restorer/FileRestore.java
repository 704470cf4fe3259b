package org.lifeboat.repository.restorer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.walker.SnapshotPath;

/** One regular file being restored: its node, where it goes, and whether any of its data failed. */
final class FileRestore {
    final SnapshotPath snapshotPath;
    final Path path;
    final Node node;
    /** Further names of this file, restored as hard links to {@link #path}. */
    final List<Path> hardLinks = new ArrayList<>();

    private volatile String failure;

    FileRestore(SnapshotPath snapshotPath, Path path, Node node) {
        this.snapshotPath = snapshotPath;
        this.path = path;
        this.node = node;
    }

    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    String failure() {
        return failure;
    }
}
