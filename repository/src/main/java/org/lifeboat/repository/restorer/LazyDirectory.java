package org.lifeboat.repository.restorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.lifeboat.repository.tree.Node;

/**
 * A directory of the restore that is created only when something is restored into it (includes may select nothing
 * below it). Each level is checked without following links and replaced if it is not a real directory, so a symlink
 * left in the target can never redirect writes outside it.
 */
final class LazyDirectory {
    final Path path;
    final Node node;
    private final LazyDirectory parent;
    private boolean created;
    /** Created by this restore, so empty but for what the restore put in it: nothing can be in the way. */
    private boolean createdEmpty;

    private LazyDirectory(Path path, Node node, LazyDirectory parent, boolean created) {
        this.path = path;
        this.node = node;
        this.parent = parent;
        this.created = created;
    }

    /** The restore target itself, created with its parents if missing (a user-chosen path is trusted). */
    static LazyDirectory target(Path target) throws IOException {
        Files.createDirectories(target);
        return new LazyDirectory(target, null, null, true);
    }

    LazyDirectory child(Path childPath, Node childNode) {
        return new LazyDirectory(childPath, childNode, this, false);
    }

    boolean isCreated() {
        return created;
    }

    void ensureExists() throws IOException {
        if (created) {
            return;
        }
        parent.ensureExists();
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            Files.createDirectory(path);
            createdEmpty = true;
        }
        created = true;
    }

    /** Makes room for a new non-directory item at {@code path} inside this directory. */
    void clearForNewItem(Path item) throws IOException {
        ensureExists();
        if (createdEmpty) {
            return;
        }
        if (Files.isDirectory(item, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("a directory is in the way");
        }
        Files.deleteIfExists(item);
    }
}
