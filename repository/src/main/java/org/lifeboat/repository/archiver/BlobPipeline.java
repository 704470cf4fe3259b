package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.chunker.Chunker;

/**
 * Hashes, compresses, encrypts and packs blobs on worker threads while the walker keeps reading.
 *
 * <p>A semaphore counts the bytes handed over but not yet stored, so a fast reader cannot fill the heap. All-zero
 * chunks (sparse files, disk images) are recognised before hashing and reuse the ID computed the first time.
 */
final class BlobPipeline {
    private static final byte[] ZEROS = new byte[Chunker.MAX_SIZE];
    private static final int PERMIT_BYTES = 1024;

    private final Repository repository;
    private final Executor workers;
    private final Semaphore bytesInFlight;
    private final Map<Integer, Id> zeroChunkIds = new ConcurrentHashMap<>();

    BlobPipeline(Repository repository, Executor workers, long maxBytesInFlight) {
        this.repository = repository;
        this.workers = workers;
        this.bytesInFlight = new Semaphore((int) Math.min(Integer.MAX_VALUE, maxBytesInFlight / PERMIT_BYTES));
    }

    /** Queues a blob; blocks while too many bytes are in flight. The future fails if the repository does. */
    CompletableFuture<Id> save(BlobType type, byte[] plaintext) throws InterruptedIOException {
        if (type == BlobType.DATA && isAllZero(plaintext)) {
            Id known = zeroChunkIds.get(plaintext.length);
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
        }
        int permits = plaintext.length / PERMIT_BYTES + 1;
        try {
            bytesInFlight.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to store a blob");
        }
        return CompletableFuture.supplyAsync(() -> store(type, plaintext), workers)
                .whenComplete((id, failure) -> bytesInFlight.release(permits));
    }

    /**
     * Queues a small blob (a tree), made by {@code plaintext} on the worker, without waiting for room, so completion
     * stages may call it without deadlock.
     */
    CompletableFuture<Id> saveUnthrottled(BlobType type, Supplier<byte[]> plaintext) {
        return CompletableFuture.supplyAsync(() -> store(type, plaintext.get()), workers);
    }

    private Id store(BlobType type, byte[] plaintext) {
        try {
            Id id = repository.saveBlob(type, plaintext);
            if (type == BlobType.DATA && isAllZero(plaintext)) {
                zeroChunkIds.putIfAbsent(plaintext.length, id);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isAllZero(byte[] data) {
        return data.length > 0
                && data.length <= ZEROS.length
                && Arrays.mismatch(data, 0, data.length, ZEROS, 0, data.length) < 0;
    }
}
