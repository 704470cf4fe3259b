package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.chunker.Chunker;
import org.lifeboat.repository.filter.PathFilter;
import org.lifeboat.repository.fs.RawNames;
import org.lifeboat.repository.tree.ByteString;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.tree.TreeJson;

/**
 * One backup's walk. The calling thread walks the file system; reader threads read files through the chunker, a few
 * at a time (restic reads two), so that chunking is not bound to one core; the pipeline's workers store the chunks.
 * Each item yields a future of its node (null when excluded or unreadable), and a directory's tree is stored once all
 * its children's nodes are known, so reading never waits for storing.
 */
final class BackupRun {
    private final NodeFactory nodes;
    private final BlobPipeline pipeline;
    private final ParentTrees parents;
    private final Chunker chunker;
    private final PathFilter excludes;
    private final BackupListener listener;
    private final ReadThrottle readThrottle;
    private final Executor readers;
    final Counters counters = new Counters();
    final List<BackupError> errors = Collections.synchronizedList(new ArrayList<>());

    BackupRun(
            NodeFactory nodes,
            BlobPipeline pipeline,
            ParentTrees parents,
            Chunker chunker,
            PathFilter excludes,
            BackupListener listener,
            int parallelReads,
            Executor readers) {
        this.nodes = nodes;
        this.pipeline = pipeline;
        this.parents = parents;
        this.chunker = chunker;
        this.excludes = excludes;
        this.listener = listener;
        this.readThrottle = new ReadThrottle(parallelReads);
        this.readers = readers;
    }

    /** Stores the root tree of a snapshot of {@code targets} and returns its ID. */
    CompletableFuture<Id> saveRoot(TargetTree root, Tree parentRoot) throws IOException {
        return saveTree(childrenOf(root, parentRoot, List.of()));
    }

    private List<CompletableFuture<Node>> childrenOf(TargetTree virtual, Tree parentTree, List<String> components)
            throws IOException {
        List<CompletableFuture<Node>> children = new ArrayList<>();
        for (Map.Entry<ByteString, TargetTree> entry : virtual.children.entrySet()) {
            ByteString name = entry.getKey();
            TargetTree child = entry.getValue();
            Optional<Node> parentNode = parentTree.find(name);
            List<String> childComponents = append(components, name);
            if (child.isTarget) {
                children.add(saveItem(child.path, name, childComponents, parentNode));
                continue;
            }
            FileStat stat = stat(child.path);
            if (stat != null && stat.type() != NodeType.DIR) {
                recordError(child.path, new IOException("not a directory, but a backup target lies below it"));
                continue;
            }
            Node.Builder node = stat == null ? null : describe(child.path, name, stat);
            if (node == null) {
                continue;
            }
            Tree parentSubtree = parents.load(subtreeOf(parentNode));
            children.add(finishDir(node, parentNode, childrenOf(child, parentSubtree, childComponents)));
        }
        return children;
    }

    private CompletableFuture<Node> saveItem(
            Path path, ByteString name, List<String> components, Optional<Node> parentNode) throws IOException {
        if (excludes.matches(components)) {
            return null;
        }
        FileStat stat = stat(path);
        if (stat == null) {
            return null;
        }
        Node.Builder node = describe(path, name, stat);
        if (node == null) {
            return null;
        }
        return switch (stat.type()) {
            case DIR -> saveDir(path, node, components, parentNode);
            case FILE -> saveFile(path, node, stat, parentNode);
            default -> CompletableFuture.completedFuture(node.build());
        };
    }

    private CompletableFuture<Node> saveDir(
            Path path, Node.Builder node, List<String> components, Optional<Node> parentNode) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(path)) {
            listing.forEach(entries::add);
        } catch (IOException e) {
            recordError(path, e);
            return null;
        }
        Tree parentTree = parents.load(subtreeOf(parentNode));
        List<CompletableFuture<Node>> children = new ArrayList<>();
        for (Path entry : entries) {
            ByteString name = RawNames.fileName(entry);
            children.add(saveItem(entry, name, append(components, name), parentTree.find(name)));
        }
        return finishDir(node, parentNode, children);
    }

    private CompletableFuture<Node> finishDir(
            Node.Builder node, Optional<Node> parentNode, List<CompletableFuture<Node>> children) {
        return saveTree(children).thenApply(subtree -> {
            Optional<Id> parentSubtree = subtreeOf(parentNode);
            counters.countDir(
                    parentSubtree.isEmpty()
                            ? FileStatus.NEW
                            : parentSubtree.get().equals(subtree) ? FileStatus.UNMODIFIED : FileStatus.CHANGED);
            return node.subtree(subtree).build();
        });
    }

    /**
     * Stores the tree of {@code children} once all are known. It is encoded on a worker: when few files changed, the
     * children are known at once, and the walking thread had better go on to the next folder's stats.
     */
    private CompletableFuture<Id> saveTree(List<CompletableFuture<Node>> children) {
        List<CompletableFuture<Node>> present =
                children.stream().filter(Objects::nonNull).toList();
        return CompletableFuture.allOf(present.toArray(CompletableFuture[]::new))
                .thenCompose(done -> pipeline.saveUnthrottled(BlobType.TREE, () -> {
                    List<Node> childNodes = present.stream()
                            .map(CompletableFuture::join)
                            .filter(Objects::nonNull)
                            .toList();
                    return TreeJson.encode(new Tree(childNodes));
                }));
    }

    private CompletableFuture<Node> saveFile(Path path, Node.Builder node, FileStat stat, Optional<Node> parentNode)
            throws IOException {
        Optional<Node> previous = parentNode.filter(p -> p.type() == NodeType.FILE);
        if (previous.isPresent()
                && isUnchanged(previous.get(), stat)
                && parents.allKnown(previous.get().content())) {
            Node old = previous.get();
            finishFile(path, FileStatus.UNMODIFIED, old.size());
            processed(old.size());
            return CompletableFuture.completedFuture(
                    node.size(old.size()).content(old.content()).build());
        }
        FileStatus status = previous.isPresent() ? FileStatus.CHANGED : FileStatus.NEW;
        ReadThrottle.Permit permit = readThrottle.acquire(stat.size(), path.toString());
        return CompletableFuture.supplyAsync(() -> read(path, stat.size()), readers)
                .whenComplete((chunks, failure) -> permit.release())
                .thenCompose(chunks -> {
                    if (chunks == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    // The size is what was read, which is what the chunks hold; restic restores exactly `size` bytes.
                    finishFile(path, status, chunks.size());
                    return chunks.content()
                            .thenApply(content ->
                                    node.size(chunks.size()).content(content).build());
                });
    }

    /**
     * Reads one file through the chunker, on a reader thread; null (and an error recorded) when it cannot be read to
     * its end.
     */
    private QueuedChunks read(Path path, long expectedSize) {
        try (InputStream input = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return QueuedChunks.read(input, expectedSize, chunker, pipeline, this::processed);
        } catch (InterruptedIOException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            recordError(path, e);
            return null;
        }
    }

    /** restic's change detection: same type, size, mtime, ctime and inode. */
    private boolean isUnchanged(Node old, FileStat stat) {
        return old.size() == stat.size()
                && old.mtime().toInstant().equals(stat.mtime().toInstant())
                && old.ctime().toInstant().equals(stat.ctime().toInstant())
                && old.inode() == stat.inode();
    }

    private void processed(long bytes) {
        counters.bytesProcessed.add(bytes);
        listener.bytesProcessed(bytes);
    }

    private void finishFile(Path path, FileStatus status, long size) {
        counters.countFile(status);
        listener.fileDone(path, status, size);
    }

    private Node.Builder describe(Path path, ByteString name, FileStat stat) {
        try {
            return nodes.describe(path, name, stat);
        } catch (IOException e) {
            recordError(path, e);
            return null;
        }
    }

    private FileStat stat(Path path) {
        try {
            return FileStat.of(path);
        } catch (IOException e) {
            recordError(path, e);
            return null;
        }
    }

    private void recordError(Path path, IOException e) {
        String reason =
                switch (e) {
                    case AccessDeniedException denied -> "permission denied";
                    case NoSuchFileException missing -> "no such file or directory";
                    default ->
                        Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
                };
        BackupError error = new BackupError(path, reason);
        errors.add(error);
        listener.error(error);
    }

    private static Optional<Id> subtreeOf(Optional<Node> node) {
        return node.filter(n -> n.type() == NodeType.DIR).map(Node::subtree);
    }

    private static List<String> append(List<String> components, ByteString name) {
        List<String> result = new ArrayList<>(components.size() + 1);
        result.addAll(components);
        result.add(name.toStringLossy());
        return result;
    }
}
