package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.util.Optional;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.tree.TreeJson;

/** Loads the parent snapshot's trees on demand, as the walk reaches each directory. */
final class ParentTrees {
    private final Repository repository;

    ParentTrees(Repository repository) {
        this.repository = repository;
    }

    /**
     * The tree, or an empty tree when it cannot be loaded: a damaged parent only costs re-reading files, so it must
     * not stop the backup.
     */
    Tree load(Optional<Id> id) {
        if (id.isEmpty()) {
            return Tree.EMPTY;
        }
        try {
            return TreeJson.decode(id.get(), repository.loadBlob(new BlobHandle(id.get(), BlobType.TREE)));
        } catch (IOException e) {
            return Tree.EMPTY;
        }
    }

    /** Whether every blob is in the index, so that a node can be reused without reading its file. */
    boolean allKnown(Iterable<Id> dataBlobs) throws IOException {
        for (Id id : dataBlobs) {
            if (!repository.hasBlob(new BlobHandle(id, BlobType.DATA))) {
                return false;
            }
        }
        return true;
    }
}
