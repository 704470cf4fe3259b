package org.lifeboat.repository.restorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;

/** Applies a node's owner, mode and times to what was restored, never following symlinks. */
final class Metadata {
    private final boolean canChangeOwner;

    Metadata(boolean canChangeOwner) {
        this.canChangeOwner = canChangeOwner;
    }

    /** Applies what it can; returns a description of what it could not, or null. */
    String apply(Path path, Node node) {
        StringBuilder problems = new StringBuilder();
        if (canChangeOwner) {
            try {
                Files.setAttribute(path, "unix:uid", node.uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", node.gid(), LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | UnsupportedOperationException e) {
                problems.append("owner not set (").append(e.getMessage()).append(") ");
            }
        }
        // Linux has no lchmod: a symlink's own mode is always 0777.
        if (node.type() != NodeType.SYMLINK) {
            try {
                Files.setAttribute(path, "unix:mode", node.mode().unixPermissions(), LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | UnsupportedOperationException e) {
                problems.append("mode not set (").append(e.getMessage()).append(") ");
            }
        }
        try {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(
                            FileTime.from(node.mtime().toInstant()),
                            FileTime.from(node.atime().toInstant()),
                            null);
        } catch (IOException | UnsupportedOperationException e) {
            problems.append("times not set (").append(e.getMessage()).append(")");
        }
        return problems.isEmpty() ? null : problems.toString().strip();
    }
}
