package org.lifeboat.repository.restorer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.walker.SnapshotPath;

/**
 * One regular file being restored: its node, where it goes, and how far its content got. The file is created by the
 * first write into it (or at the end, if nothing is written), so that the workers, not the tree walk, pay for it.
 */
final class FileRestore {
    final SnapshotPath snapshotPath;
    final Path path;
    final Node node;
    /** Further names of this file, restored as hard links to {@link #path}. */
    final List<Path> hardLinks = new ArrayList<>();
    /** Blob places still to be written or skipped; the file is complete when this reaches 0. */
    final AtomicInteger pendingPlaces = new AtomicInteger();
    /** The end of the last byte written so far; a file that ends in skipped all-zero blobs is extended to its size. */
    private final AtomicLong writtenEnd = new AtomicLong();

    private volatile String failure;
    private boolean created;

    FileRestore(SnapshotPath snapshotPath, Path path, Node node) {
        this.snapshotPath = snapshotPath;
        this.path = path;
        this.node = node;
    }

    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    /** Fails the file for an exception no restore should meet: a bug, or a backend that breaks its contract. */
    void failUnexpectedly(String step, RuntimeException cause) {
        String message = cause.getMessage();
        fail(step + " failed unexpectedly (" + cause.getClass().getSimpleName()
                + (message == null ? "" : ": " + message) + ")");
    }

    String failure() {
        return failure;
    }

    /** Opens the file for writing, creating it on the first call; never follows a symlink. */
    synchronized FileChannel openForWrite() throws IOException {
        if (created) {
            return FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
        FileChannel channel = FileChannel.open(
                path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        created = true;
        return channel;
    }

    /** Whether this restore created the file (only then may a failure remove it). */
    synchronized boolean created() {
        return created;
    }

    void wrote(long end) {
        writtenEnd.accumulateAndGet(end, Math::max);
    }

    long writtenEnd() {
        return writtenEnd.get();
    }
}
