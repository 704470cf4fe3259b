package org.lifeboat.repository.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A directory's listing as restic stores it in a tree blob: nodes sorted by their raw name bytes, names unique.
 *
 * <p>restic 0.19 streams trees assuming that order (parent matching, diff, subfolder lookup), so the constructor
 * sorts and rejects duplicates rather than trusting its caller.
 */
public record Tree(List<Node> nodes) {
    private static final Comparator<Node> BY_NAME = Comparator.comparing(Node::name);

    public Tree {
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort(BY_NAME);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).name().equals(sorted.get(i).name())) {
                throw new IllegalArgumentException(
                        "a tree holds two nodes named " + sorted.get(i).name());
            }
        }
        nodes = Collections.unmodifiableList(sorted);
    }

    public static final Tree EMPTY = new Tree(List.of());

    /** The node with this name, by binary search. */
    public Optional<Node> find(ByteString name) {
        int low = 0;
        int high = nodes.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = nodes.get(middle).name().compareTo(name);
            if (order == 0) {
                return Optional.of(nodes.get(middle));
            } else if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }
}
