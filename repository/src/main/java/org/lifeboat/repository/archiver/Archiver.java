package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import org.lifeboat.repository.BlobStatistics;
import org.lifeboat.repository.HostIdentity;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.chunker.Chunker;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.snapshot.Snapshot;
import org.lifeboat.repository.snapshot.SnapshotStore;
import org.lifeboat.repository.tree.Tree;

/**
 * Backs up local files and folders into a snapshot, as {@code restic backup} does: content-defined chunks, one tree
 * per directory, and unchanged files (against a parent snapshot) reused without reading them.
 *
 * <p>The caller holds a (non-exclusive) repository lock for the duration. Blobs are flushed before the snapshot is
 * written, so a crash never leaves a snapshot pointing at missing data.
 */
public final class Archiver {
    /** restic's default read concurrency: enough to keep chunking off the critical path on a two-core machine. */
    private static final int PARALLEL_READS = 2;

    private final Repository repository;
    private final ArchiverOptions options;
    private final Chunker chunker;

    public Archiver(Repository repository, ArchiverOptions options) {
        this.repository = repository;
        this.options = options;
        this.chunker = new Chunker(repository.config().chunkerPolynomial());
    }

    /**
     * @param targets files or directories; made absolute, and the snapshot's root tree leads to them
     * @param parent the snapshot to compare with; usually the latest of the same host and paths
     */
    public BackupResult backup(List<Path> targets, Optional<SavedSnapshot> parent, BackupListener listener)
            throws IOException {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("nothing to back up: no paths given");
        }
        List<Path> absolute = targets.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .toList();
        Instant start = options.clock().instant();
        BlobStatistics before = repository.statistics();
        ParentTrees parents = new ParentTrees(repository);
        Tree parentRoot = parents.load(parent.map(p -> p.snapshot().tree()));
        BackupRun run = new BackupRun(
                new NodeFactory(options.zone()),
                new BlobPipeline(repository, options.workers(), options.maxBytesInFlight()),
                parents,
                chunker,
                options.excludes(),
                listener,
                PARALLEL_READS,
                Executors.newVirtualThreadPerTaskExecutor());
        Thread scanner =
                Thread.ofVirtual().name("backup-scanner").start(new Scanner(absolute, options.excludes(), listener));
        Id rootTree;
        try {
            rootTree = join(run.saveRoot(TargetTree.of(absolute), parentRoot));
        } finally {
            scanner.interrupt();
        }
        repository.flush();
        HostIdentity identity = repository.settings().identity();
        Snapshot snapshot = new Snapshot(
                OffsetDateTime.ofInstant(start, options.zone()),
                parent.map(SavedSnapshot::id).orElse(null),
                rootTree,
                absolute.stream().map(Path::toString).toList(),
                options.hostname(),
                identity.username(),
                (int) identity.uid().orElse(0),
                (int) identity.gid().orElse(0),
                options.excludeTexts(),
                options.tags(),
                null);
        SavedSnapshot saved = new SnapshotStore(repository).save(snapshot);
        return new BackupResult(saved, summary(run.counters, before, start), new ArrayList<>(run.errors));
    }

    private BackupSummary summary(Counters counters, BlobStatistics before, Instant start) {
        BlobStatistics after = repository.statistics();
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
                counters.filesNew.sum() + counters.filesChanged.sum() + counters.filesUnmodified.sum(),
                counters.bytesProcessed.sum(),
                start,
                options.clock().instant());
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof InterruptedIOException interrupted) {
                throw interrupted;
            }
            throw e;
        }
    }
}
