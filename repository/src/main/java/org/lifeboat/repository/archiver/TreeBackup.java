package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.lifeboat.repository.BlobStatistics;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.HostIdentity;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.chunker.Chunker;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.snapshot.Snapshot;
import org.lifeboat.repository.snapshot.SnapshotStore;
import org.lifeboat.repository.tree.FileMode;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.tree.TreeJson;

/**
 * A snapshot assembled from virtual sources instead of local folders: the caller saves top-level entries one at a
 * time with {@link #save} (so that, for example, a report of how the first entries went can itself be saved last) and
 * then writes the snapshot with {@link #commit}.
 *
 * <p>Files are read through the chunker with several reads in parallel, because a remote source (a phone) answers
 * each read slowly but many at once well. A file whose size and mtime equal the parent snapshot's is reused without
 * opening it. Exports made at every backup carry the backup's time, which would make every snapshot differ: so a
 * file whose bytes equal the parent's, and a {@link SourceDirectory#generated() generated} directory whose contents
 * do, keep the parent's times. A file that fails to read is left out and reported in {@link #errors()}; the rest
 * goes on. As with {@link Archiver}, blobs are flushed before the snapshot is written, and the caller holds a
 * repository lock.
 */
public final class TreeBackup {
    private final Repository repository;
    private final ArchiverOptions options;
    private final Optional<SavedSnapshot> parent;
    private final BackupListener listener;
    private final Chunker chunker;
    private final BlobPipeline pipeline;
    private final ParentTrees parents;
    private final Tree parentRoot;
    private final ReadThrottle readThrottle;
    private final Executor readers = Executors.newVirtualThreadPerTaskExecutor();
    private final Counters counters = new Counters();
    private final List<BackupError> errors = Collections.synchronizedList(new ArrayList<>());
    private final BlobStatistics before;
    private final Instant start;

    private TreeBackup(
            Repository repository,
            ArchiverOptions options,
            Optional<SavedSnapshot> parent,
            BackupListener listener,
            int parallelReads) {
        this.repository = repository;
        this.options = options;
        this.parent = parent;
        this.listener = listener;
        this.chunker = new Chunker(repository.config().chunkerPolynomial());
        this.pipeline = new BlobPipeline(repository, options.workers(), options.maxBytesInFlight());
        this.parents = new ParentTrees(repository);
        this.parentRoot = parents.load(parent.map(p -> p.snapshot().tree()));
        this.readThrottle = new ReadThrottle(parallelReads);
        this.before = repository.statistics();
        this.start = options.clock().instant();
    }

    /**
     * Starts a backup; nothing is written until the first {@link #save}.
     *
     * @param parent the snapshot whose unchanged files are reused, usually the latest one of the same source
     * @param parallelReads how many files are read at once
     */
    public static TreeBackup start(
            Repository repository,
            ArchiverOptions options,
            Optional<SavedSnapshot> parent,
            BackupListener listener,
            int parallelReads) {
        if (parallelReads < 1) {
            throw new IllegalArgumentException("at least one read must be allowed at a time, got " + parallelReads);
        }
        return new TreeBackup(repository, options, parent, listener, parallelReads);
    }

    /**
     * Stores {@code entry} and everything below it, compared with the same-named entry at the parent snapshot's root,
     * and returns its node for {@link #commit}. Empty when the entry is a file that could not be read.
     */
    public Optional<Node> save(SourceEntry entry) throws IOException {
        Optional<Node> parentNode = parentRoot.find(entry.name());
        CompletableFuture<Node> node =
                saveEntry(entry, parentNode, "/" + entry.name().toStringLossy());
        return Optional.ofNullable(join(node));
    }

    /** The files left out so far, with the reason. */
    public List<BackupError> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /**
     * Flushes all blobs and writes a snapshot whose root holds {@code rootNodes}.
     *
     * @param paths recorded as the snapshot's paths; restic shows them and groups snapshots by them
     * @param extraTags added to the options' tags
     */
    public BackupResult commit(List<Node> rootNodes, List<String> paths, List<String> extraTags) throws IOException {
        Id rootTree = join(pipeline.saveUnthrottled(BlobType.TREE, () -> TreeJson.encode(new Tree(rootNodes))));
        repository.flush();
        HostIdentity identity = repository.settings().identity();
        List<String> tags = new ArrayList<>(options.tags());
        extraTags.stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);
        Snapshot snapshot = new Snapshot(
                OffsetDateTime.ofInstant(start, options.zone()),
                parent.map(SavedSnapshot::id).orElse(null),
                rootTree,
                paths,
                options.hostname(),
                identity.username(),
                (int) identity.uid().orElse(0),
                (int) identity.gid().orElse(0),
                List.of(),
                tags,
                null);
        SavedSnapshot saved = new SnapshotStore(repository).save(snapshot);
        return new BackupResult(saved, summary(), errors());
    }

    private CompletableFuture<Node> saveEntry(SourceEntry entry, Optional<Node> parentNode, String path)
            throws IOException {
        return switch (entry) {
            case SourceDirectory directory -> saveDirectory(directory, parentNode, path);
            case SourceFile file -> saveFile(file, parentNode, path);
        };
    }

    private CompletableFuture<Node> saveDirectory(SourceDirectory directory, Optional<Node> parentNode, String path)
            throws IOException {
        Optional<Id> parentSubtree =
                parentNode.filter(n -> n.type() == NodeType.DIR).map(Node::subtree);
        Tree parentTree = parents.load(parentSubtree);
        List<CompletableFuture<Node>> children = new ArrayList<>();
        for (SourceEntry child : directory.children()) {
            children.add(saveEntry(
                    child,
                    parentTree.find(child.name()),
                    path + "/" + child.name().toStringLossy()));
        }
        Node.Builder node = describe(directory, NodeType.DIR, 0040000);
        return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new))
                // Encoded on a worker, as in BackupRun.saveTree: the walk goes on meanwhile.
                .thenCompose(done -> pipeline.saveUnthrottled(BlobType.TREE, () -> {
                    List<Node> nodes = children.stream()
                            .map(CompletableFuture::join)
                            .filter(Objects::nonNull)
                            .toList();
                    return TreeJson.encode(new Tree(nodes));
                }))
                .thenApply(subtree -> {
                    boolean unchanged = parentSubtree.filter(subtree::equals).isPresent();
                    counters.countDir(
                            parentSubtree.isEmpty()
                                    ? FileStatus.NEW
                                    : unchanged ? FileStatus.UNMODIFIED : FileStatus.CHANGED);
                    if (unchanged && directory.generated()) {
                        Node old = parentNode.get();
                        node.times(old.mtime(), old.atime(), old.ctime());
                    }
                    return node.subtree(subtree).build();
                });
    }

    private CompletableFuture<Node> saveFile(SourceFile file, Optional<Node> parentNode, String path)
            throws IOException {
        Optional<Node> previous = parentNode.filter(p -> p.type() == NodeType.FILE);
        Node.Builder node = describe(file, NodeType.FILE, 0100000);
        if (previous.isPresent()
                && isUnchanged(previous.get(), file)
                && parents.allKnown(previous.get().content())) {
            Node old = previous.get();
            finished(path, FileStatus.UNMODIFIED, old.size());
            processed(old.size());
            return CompletableFuture.completedFuture(
                    node.size(old.size()).content(old.content()).build());
        }
        FileStatus status = previous.isPresent() ? FileStatus.CHANGED : FileStatus.NEW;
        ReadThrottle.Permit permit = readThrottle.acquire(file.size(), path);
        return CompletableFuture.supplyAsync(() -> read(file, path), readers)
                .whenComplete((chunks, failure) -> permit.release())
                .thenCompose(chunks -> {
                    if (chunks == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    return chunks.content()
                            .thenApply(content -> sameContentAsBefore(previous, chunks.size(), content)
                                    ? reuse(previous.get(), node, path)
                                    : finishedNode(node.size(chunks.size()).content(content), path, status));
                });
    }

    /**
     * Exports generated at every backup (vCard, SMS XML, JSON rows) carry the backup time as mtime, so they always look
     * changed; when their bytes are the same as the parent's, the parent's node (mtime included) is kept, and a phone
     * that did not change gives a snapshot that did not change.
     */
    private static boolean sameContentAsBefore(Optional<Node> previous, long size, List<Id> content) {
        return previous.isPresent()
                && previous.get().size() == size
                && previous.get().content().equals(content);
    }

    private Node reuse(Node old, Node.Builder node, String path) {
        finished(path, FileStatus.UNMODIFIED, old.size());
        return node.size(old.size())
                .content(old.content())
                .times(old.mtime(), old.atime(), old.ctime())
                .build();
    }

    private Node finishedNode(Node.Builder node, String path, FileStatus status) {
        Node built = node.build();
        finished(path, status, built.size());
        return built;
    }

    /** Reads one file through the chunker; null (and an error recorded) when it cannot be read to its end. */
    private QueuedChunks read(SourceFile file, String path) {
        try (InputStream input = file.content().open()) {
            return QueuedChunks.read(input, file.size(), chunker, pipeline, this::processed);
        } catch (InterruptedIOException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            BackupError error = new BackupError(
                    Path.of(path),
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
            errors.add(error);
            listener.error(error);
            return null;
        }
    }

    /** A phone reports whole-second mtimes and no inode or ctime, so size and mtime are all there is to compare. */
    private static boolean isUnchanged(Node old, SourceFile file) {
        return old.size() == file.size() && old.mtime().toInstant().equals(file.mtime());
    }

    private Node.Builder describe(SourceEntry entry, NodeType type, int fileType) {
        OffsetDateTime time = OffsetDateTime.ofInstant(entry.mtime(), options.zone());
        return Node.builder(entry.name(), type)
                .mode(FileMode.fromUnixMode(fileType | (entry.permissions() & 07777)))
                .times(time, time, time)
                .inode(0, 0, type == NodeType.FILE ? 1 : 0);
    }

    private void processed(long bytes) {
        counters.bytesProcessed.add(bytes);
        listener.bytesProcessed(bytes);
    }

    private void finished(String path, FileStatus status, long size) {
        counters.countFile(status);
        listener.fileDone(Path.of(path), status, size);
    }

    private BackupSummary summary() {
        BlobStatistics after = repository.statistics();
        long files = counters.filesNew.sum() + counters.filesChanged.sum() + counters.filesUnmodified.sum();
        return new BackupSummary(
                counters.filesNew.sum(),
                counters.filesChanged.sum(),
                counters.filesUnmodified.sum(),
                counters.dirsNew.sum(),
                counters.dirsChanged.sum(),
                counters.dirsUnmodified.sum(),
                after.blobsAdded() - before.blobsAdded(),
                after.plaintextBytesAdded() - before.plaintextBytesAdded(),
                after.storedBytesAdded() - before.storedBytesAdded(),
                files,
                counters.bytesProcessed.sum(),
                start,
                options.clock().instant());
    }

    private static <T> T join(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            throw e;
        }
    }
}
