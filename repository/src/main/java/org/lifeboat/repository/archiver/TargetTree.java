package org.lifeboat.repository.archiver;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lifeboat.repository.fs.RawNames;
import org.lifeboat.repository.tree.ByteString;

/**
 * The directories leading to the backup targets, as restic shapes a snapshot's root: {@code /home/me/docs} becomes
 * {@code home} → {@code me} → {@code docs}, and several targets share their common ancestors.
 */
final class TargetTree {
    final Path path;
    final Map<ByteString, TargetTree> children = new TreeMap<>();
    boolean isTarget;

    private TargetTree(Path path) {
        this.path = path;
    }

    /** @param targets absolute, normalised paths; a target inside another one adds nothing */
    static TargetTree of(List<Path> targets) {
        TargetTree root = new TargetTree(Path.of("/"));
        for (Path target : targets) {
            TargetTree node = root;
            Path prefix = target.getRoot();
            for (Path element : target) {
                if (node.isTarget) {
                    break;
                }
                prefix = prefix.resolve(element);
                Path childPath = prefix;
                node = node.children.computeIfAbsent(RawNames.fileName(childPath), name -> new TargetTree(childPath));
            }
            if (!node.isTarget) {
                node.isTarget = true;
                node.children.clear();
            }
        }
        return root;
    }
}
