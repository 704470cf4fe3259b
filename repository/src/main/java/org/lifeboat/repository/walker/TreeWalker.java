package org.lifeboat.repository.walker;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;
import org.lifeboat.repository.tree.Tree;

/**
 * Walks snapshot trees depth-first in name order, for listing, finding paths, and collecting the blobs snapshots
 * use (prune keeps them; check names the paths of damaged ones).
 */
public final class TreeWalker {
    /** Receives each node with its path; a tree that cannot be loaded is reported and skipped. */
    public interface Visitor {
        void node(SnapshotPath path, Node node) throws IOException;

        default void unreadableTree(SnapshotPath path, Id tree, IOException error) throws IOException {
            throw error;
        }
    }

    private final TreeLoader trees;

    public TreeWalker(TreeLoader trees) {
        this.trees = trees;
    }

    /** Visits every node below {@code tree}, whose own path is {@code path}. */
    public void walk(SnapshotPath path, Id tree, Visitor visitor) throws IOException {
        Tree loaded;
        try {
            loaded = trees.load(tree);
        } catch (IOException e) {
            visitor.unreadableTree(path, tree, e);
            return;
        }
        for (Node node : loaded.nodes()) {
            SnapshotPath child = path.child(node.name());
            visitor.node(child, node);
            if (node.type() == NodeType.DIR) {
                walk(child, node.subtree(), visitor);
            }
        }
    }

    /** The node at {@code path} below the root tree, or empty; the root itself has no node. */
    public Optional<Node> find(Id rootTree, SnapshotPath path) throws IOException {
        if (path.isRoot()) {
            throw new IllegalArgumentException("the snapshot root has no node; list it instead");
        }
        Id tree = rootTree;
        Node found = null;
        for (int i = 0; i < path.components().size(); i++) {
            if (found != null && found.type() != NodeType.DIR) {
                return Optional.empty();
            }
            Optional<Node> next = trees.load(tree).find(path.components().get(i));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            found = next.get();
            tree = found.subtree();
        }
        return Optional.of(found);
    }

    /**
     * Adds every blob reachable from {@code rootTree} (trees included) to {@code used}. Trees already in the set are
     * not walked again, so calling this for many snapshots costs about one walk of the distinct trees.
     */
    public void collectBlobs(Id rootTree, Set<BlobHandle> used) throws IOException {
        if (!used.add(new BlobHandle(rootTree, BlobType.TREE))) {
            return;
        }
        for (Node node : trees.load(rootTree).nodes()) {
            for (Id data : node.content()) {
                used.add(new BlobHandle(data, BlobType.DATA));
            }
            if (node.type() == NodeType.DIR) {
                collectBlobs(node.subtree(), used);
            }
        }
    }

    /** Convenience for {@link #collectBlobs(Id, Set)} over several root trees. */
    public Set<BlobHandle> collectBlobs(Iterable<Id> rootTrees) throws IOException {
        Set<BlobHandle> used = new HashSet<>();
        for (Id root : rootTrees) {
            collectBlobs(root, used);
        }
        return used;
    }
}
