package org.lifeboat.repository.restorer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.fs.RawNames;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.walker.SnapshotPath;
import org.lifeboat.repository.walker.TreeLoader;

/**
 * Restores a snapshot's tree into a target directory: contents, modes, times, symlinks and hard links, and owners
 * when running as root.
 *
 * <p>Nothing is ever written outside the target: a node name that is empty, {@code .}, {@code ..} or contains
 * {@code /} or NUL is refused and reported, and every directory level is checked without following symlinks. Files
 * whose data is damaged or missing are removed and reported; everything else is restored.
 */
public final class Restorer {
    private record HardLinkKey(long inode, long deviceId) {}

    private final Repository repository;
    private final TreeLoader trees;
    private final RestoreOptions options;
    private final Metadata metadata;

    public Restorer(Repository repository, RestoreOptions options) {
        this.repository = repository;
        this.trees = new TreeLoader(repository);
        this.options = options;
        this.metadata = new Metadata(isRoot());
    }

    /**
     * @param tree the tree to restore (a snapshot's root tree, or a directory's subtree)
     * @param treePath where that tree is in the snapshot; include and exclude patterns match full snapshot paths
     */
    public RestoreResult restore(Id tree, SnapshotPath treePath, Path target) throws IOException {
        Run run = new Run();
        LazyDirectory root = LazyDirectory.target(target);
        run.restoreTree(tree, treePath, root);
        ContentWriter writer = new ContentWriter(repository, options.workers());
        for (FileRestore file : run.files) {
            writer.add(file);
        }
        writer.writeAll();
        long restored = 0;
        for (FileRestore file : run.files) {
            if (run.finishFile(file)) {
                restored++;
            }
        }
        for (int i = run.directories.size() - 1; i >= 0; i--) {
            LazyDirectory directory = run.directories.get(i);
            if (directory.isCreated()) {
                run.applyMetadata(directory.path, directory.node, run.directoryPaths.get(i));
            }
        }
        return new RestoreResult(restored + run.hardLinks, writer.bytesWritten.sum(), run.failures, run.warnings);
    }

    /** The state of one restore. */
    private final class Run {
        final List<FileRestore> files = new ArrayList<>();
        final List<LazyDirectory> directories = new ArrayList<>();
        final List<SnapshotPath> directoryPaths = new ArrayList<>();
        final Map<HardLinkKey, FileRestore> firstOfHardLink = new HashMap<>();
        final List<RestoreProblem> failures = new ArrayList<>();
        final List<RestoreProblem> warnings = new ArrayList<>();
        long hardLinks;

        void restoreTree(Id treeId, SnapshotPath path, LazyDirectory directory) {
            Tree tree;
            try {
                tree = trees.load(treeId);
            } catch (IOException e) {
                failures.add(new RestoreProblem(path, "directory contents lost: " + e.getMessage()));
                return;
            }
            for (Node node : tree.nodes()) {
                SnapshotPath childPath = path.child(node.name());
                if (!node.hasSafeName()) {
                    failures.add(new RestoreProblem(
                            childPath,
                            "refused: the stored name " + node.name().toQuoted()
                                    + " is not a single file name and could escape the target"));
                    continue;
                }
                List<String> components = childPath.asStrings();
                if (options.excludes().matches(components)) {
                    continue;
                }
                Path destination = RawNames.child(directory.path, node.name());
                boolean selected =
                        options.includes().isEmpty() || options.includes().matches(components);
                try {
                    restoreNode(node, childPath, destination, directory, selected);
                } catch (IOException e) {
                    failures.add(new RestoreProblem(childPath, e.getMessage() == null ? e.toString() : e.getMessage()));
                }
            }
        }

        private void restoreNode(
                Node node, SnapshotPath path, Path destination, LazyDirectory directory, boolean selected)
                throws IOException {
            switch (node.type()) {
                case DIR -> {
                    LazyDirectory child = directory.child(destination, node);
                    if (selected) {
                        child.ensureExists();
                    }
                    directories.add(child);
                    directoryPaths.add(path);
                    restoreTree(node.subtree(), path, child);
                }
                case FILE -> {
                    if (selected) {
                        createFile(node, path, destination, directory);
                    }
                }
                case SYMLINK -> {
                    if (selected) {
                        directory.clearForNewItem(destination);
                        Files.createSymbolicLink(destination, RawNames.linkTargetPath(node.linkTarget()));
                        applyMetadata(destination, node, path);
                    }
                }
                default -> {
                    if (selected) {
                        warnings.add(new RestoreProblem(path, node.type().jsonName() + " not restored"));
                    }
                }
            }
        }

        private void createFile(Node node, SnapshotPath path, Path destination, LazyDirectory directory)
                throws IOException {
            directory.clearForNewItem(destination);
            if (node.links() > 1) {
                FileRestore first = firstOfHardLink.get(new HardLinkKey(node.inode(), node.deviceId()));
                if (first != null) {
                    Files.createLink(destination, first.path);
                    first.hardLinks.add(destination);
                    hardLinks++;
                    return;
                }
            }
            Files.newByteChannel(
                            destination,
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS)
                    .close();
            FileRestore file = new FileRestore(path, destination, node);
            files.add(file);
            if (node.links() > 1) {
                firstOfHardLink.put(new HardLinkKey(node.inode(), node.deviceId()), file);
            }
        }

        /** Completes a file whose content was written; true if it is fully restored. */
        boolean finishFile(FileRestore file) throws IOException {
            if (file.failure() == null) {
                try {
                    extendTo(file.path, file.node.size());
                } catch (IOException e) {
                    file.fail("cannot write: " + e.getMessage());
                }
            }
            if (file.failure() != null) {
                Files.deleteIfExists(file.path);
                for (Path link : file.hardLinks) {
                    Files.deleteIfExists(link);
                    hardLinks--;
                }
                failures.add(new RestoreProblem(file.snapshotPath, file.failure()));
                return false;
            }
            applyMetadata(file.path, file.node, file.snapshotPath);
            return true;
        }

        void applyMetadata(Path path, Node node, SnapshotPath snapshotPath) {
            String problem = metadata.apply(path, node);
            if (problem != null) {
                warnings.add(new RestoreProblem(snapshotPath, problem));
            }
        }
    }

    /** Gives the file its full size when it ends in skipped all-zero blobs (a sparse tail). */
    private static void extendTo(Path path, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            if (channel.size() < size) {
                channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
        }
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return uid instanceof Integer id && id == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
