package org.lifeboat.repository;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.lifeboat.repository.backend.Backend;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.crypto.MasterKey;
import org.lifeboat.repository.index.IndexedPack;
import org.lifeboat.repository.index.MasterIndex;
import org.lifeboat.repository.pack.Packer;

/**
 * Fills one open pack per blob type (v2 keeps data and trees apart) and uploads full packs on the injected executor.
 *
 * <p>A semaphore bounds the packs in flight, so a slow backend slows the producers instead of filling memory. The
 * first upload failure is sticky: every later call rethrows it, so no blob is ever reported as saved when its pack
 * was not.
 */
final class PackUploader {
    private final Backend backend;
    private final MasterKey key;
    private final SecureRandom random;
    private final MasterIndex index;
    private final Executor executor;
    private final int packSize;
    private final Semaphore slots;
    private final Consumer<IndexedPack> onStored;
    private final Map<BlobType, Packer> openPacks = new EnumMap<>(BlobType.class);
    private final List<CompletableFuture<Void>> uploads = new ArrayList<>();
    private volatile Throwable failure;

    PackUploader(
            Backend backend,
            MasterKey key,
            MasterIndex index,
            RepositorySettings settings,
            Consumer<IndexedPack> onStored) {
        this.backend = backend;
        this.key = key;
        this.random = settings.random();
        this.index = index;
        this.executor = settings.uploadExecutor();
        this.packSize = settings.packSize();
        this.slots = new Semaphore(settings.maxPacksInFlight());
        this.onStored = onStored;
    }

    /** Copies {@code sealed[0..sealedLength)} into the open pack of the blob's type; the caller may reuse the array. */
    void add(BlobHandle handle, byte[] sealed, int sealedLength, int uncompressedLength) throws IOException {
        throwIfFailed();
        Packer full = null;
        synchronized (openPacks) {
            Packer packer = openPacks.computeIfAbsent(handle.type(), type -> new Packer(packSize + (1 << 20)));
            packer.add(handle, sealed, sealedLength, uncompressedLength);
            if (packer.size() >= packSize || packer.headerNearlyFull()) {
                full = openPacks.remove(handle.type());
            }
        }
        if (full != null) {
            upload(full);
        }
    }

    /** Uploads the open packs and waits until every pack is stored and in the master index. */
    void flush() throws IOException {
        List<Packer> open;
        synchronized (openPacks) {
            open = new ArrayList<>(openPacks.values());
            openPacks.clear();
        }
        for (Packer packer : open) {
            upload(packer);
        }
        awaitUploads();
        throwIfFailed();
    }

    /** Waits for uploads already started; open packs are dropped (their blobs were never reported as stored). */
    void awaitUploads() throws InterruptedIOException {
        List<CompletableFuture<Void>> running;
        synchronized (uploads) {
            running = new ArrayList<>(uploads);
            uploads.clear();
        }
        for (CompletableFuture<Void> upload : running) {
            try {
                upload.join();
            } catch (CompletionException e) {
                // Recorded in `failure` by the task itself.
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while waiting for pack uploads");
        }
    }

    private void upload(Packer packer) throws IOException {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an upload slot");
        }
        CompletableFuture<Void> upload;
        try {
            upload = CompletableFuture.runAsync(() -> store(packer), executor);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        synchronized (uploads) {
            uploads.add(upload);
        }
    }

    private void store(Packer packer) {
        try {
            Packer.FinishedPack pack = packer.finish(key, random);
            backend.save(FileHandle.of(FileType.PACK, pack.id()), pack.content(), pack.length());
            IndexedPack stored = new IndexedPack(pack.id(), pack.blobs());
            index.addUnsavedPack(stored);
            onStored.accept(stored);
        } catch (IOException e) {
            failure = e;
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            slots.release();
        }
    }

    private void throwIfFailed() throws IOException {
        Throwable failed = failure;
        if (failed != null) {
            throw new RepositoryException(
                    "storing a pack failed, so nothing more can be saved: " + failed.getMessage(), failed);
        }
    }
}
