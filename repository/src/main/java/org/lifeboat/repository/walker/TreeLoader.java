package org.lifeboat.repository.walker;

import java.io.IOException;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.tree.TreeJson;

/** Loads and decodes tree blobs. */
public final class TreeLoader {
    private final Repository repository;

    public TreeLoader(Repository repository) {
        this.repository = repository;
    }

    /**
     * @throws org.lifeboat.repository.BlobNotFoundException if the index does not know it
     * @throws org.lifeboat.repository.CorruptBlobException if it is damaged
     * @throws org.lifeboat.repository.tree.InvalidTreeException if it is not a tree
     */
    public Tree load(Id id) throws IOException {
        return TreeJson.decode(id, repository.loadBlob(new BlobHandle(id, BlobType.TREE)));
    }
}
