package org.lifeboat.repository.restorer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.fs.RawNames;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.walker.SnapshotPath;
import org.lifeboat.repository.walker.TreeLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a snapshot's tree into a target directory: contents, modes, times, symlinks and hard links, and owners
 * when running as root.
 *
 * <p>Nothing is ever written outside the target: a node name that is empty, {@code .}, {@code ..} or contains
 * {@code /} or NUL is refused and reported, and every directory level is checked without following symlinks. Files
 * whose data is damaged or missing, or that could not be written (an I/O error, or an unexpected failure such as a
 * backend breaking its contract), are removed and reported, never left half-written; everything else is restored.
 */
public final class Restorer {
    private static final Logger log = LoggerFactory.getLogger(Restorer.class);

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
        // Files whose content is complete are finished by the worker that wrote their last blob; the rest (empty,
        // all zeros, failed) here afterwards.
        Set<FileRestore> finishedByWorkers = ConcurrentHashMap.newKeySet();
        ContentWriter writer = new ContentWriter(repository, options.workers(), file -> {
            if (file.failure() == null) {
                finishedByWorkers.add(file);
                run.finishFile(file);
            }
        });
        for (FileRestore file : run.files) {
            writer.add(file);
        }
        writer.writeAll();
        for (FileRestore file : run.files) {
            if (!finishedByWorkers.contains(file)) {
                run.finishFile(file);
            }
        }
        for (int i = run.directories.size() - 1; i >= 0; i--) {
            LazyDirectory directory = run.directories.get(i);
            if (directory.isCreated()) {
                run.applyMetadata(directory.path, directory.node, run.directoryPaths.get(i));
            }
        }
        return new RestoreResult(
                run.restored.sum() + run.hardLinks.sum(), writer.bytesWritten.sum(), run.failures, run.warnings);
    }

    /** The state of one restore; files are finished on the workers, hence the synchronised problem lists. */
    private final class Run {
        final List<FileRestore> files = new ArrayList<>();
        final List<LazyDirectory> directories = new ArrayList<>();
        final List<SnapshotPath> directoryPaths = new ArrayList<>();
        final Map<HardLinkKey, FileRestore> firstOfHardLink = new HashMap<>();
        final List<RestoreProblem> failures = Collections.synchronizedList(new ArrayList<>());
        final List<RestoreProblem> warnings = Collections.synchronizedList(new ArrayList<>());
        final LongAdder restored = new LongAdder();
        final LongAdder hardLinks = new LongAdder();

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
                    hardLinks.increment();
                    return;
                }
            }
            FileRestore file = new FileRestore(path, destination, node);
            files.add(file);
            if (node.links() > 1) {
                // Created now, so that the other names can link to it during the walk.
                file.openForWrite().close();
                firstOfHardLink.put(new HardLinkKey(node.inode(), node.deviceId()), file);
            }
        }

        /**
         * Completes a file whose content was written: creates it if nothing was, gives it its full size and its
         * metadata, or removes it if it failed.
         */
        void finishFile(FileRestore file) {
            if (file.failure() == null) {
                try {
                    if (!file.created() || file.writtenEnd() < file.node.size()) {
                        extendTo(file, file.node.size());
                    }
                    applyMetadata(file.path, file.node, file.snapshotPath);
                    restored.increment();
                    return;
                } catch (IOException e) {
                    file.fail("cannot write: " + e.getMessage());
                } catch (RuntimeException e) {
                    // Often on a worker, where it would otherwise stop the pack being written.
                    log.debug("finishing {} failed unexpectedly", file.path, e);
                    file.failUnexpectedly("finishing it", e);
                }
            }
            String failure = file.failure();
            try {
                if (file.created()) {
                    Files.deleteIfExists(file.path);
                }
                for (Path link : file.hardLinks) {
                    Files.deleteIfExists(link);
                    hardLinks.decrement();
                }
            } catch (IOException e) {
                failure += "; the partial file could not be removed: " + e.getMessage();
            }
            failures.add(new RestoreProblem(file.snapshotPath, failure));
        }

        void applyMetadata(Path path, Node node, SnapshotPath snapshotPath) {
            String problem = metadata.apply(path, node);
            if (problem != null) {
                warnings.add(new RestoreProblem(snapshotPath, problem));
            }
        }
    }

    /** Creates the file if needed, and gives it its full size when it ends in skipped all-zero blobs (a hole). */
    private static void extendTo(FileRestore file, long size) throws IOException {
        try (FileChannel channel = file.openForWrite()) {
            if (size > 0 && channel.size() < size) {
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
