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
import org.lifeboat.repository.pack.PackBufferPool;
import org.lifeboat.repository.pack.PackHeader;
import org.lifeboat.repository.pack.Packer;

/**
 * Fills one open pack per blob type (v2 keeps data and trees apart) and uploads full packs on the injected executor.
 *
 * <p>Blobs are sealed straight into the pack's buffer: {@link #add} reserves room under a short lock and the caller's
 * thread writes the blob there afterwards, so several workers fill one pack at once. The thread that closes a pack
 * (because it is full, or because the next blob would not fit) uploads it once every reserved blob in it is written.
 * Data packs reuse pack-sized buffers from a small pool; tree packs start small and grow, as trees are few.
 *
 * <p>A semaphore bounds the packs in flight, so a slow backend slows the producers instead of filling memory. The
 * first failure (an upload, or a blob that could not be written into its pack) is sticky: every later call rethrows
 * it, so no blob is ever reported as saved when its pack was not.
 */
final class PackUploader {
    private static final int FIRST_TREE_PACK_BUFFER = 64 * 1024;

    private final Backend backend;
    private final MasterKey key;
    private final SecureRandom random;
    private final MasterIndex index;
    private final Executor executor;
    private final int packSize;
    private final PackBufferPool buffers;
    private final Semaphore slots;
    private final Consumer<IndexedPack> onStored;
    /** Guards {@link #openPacks} and every {@link OpenPack}'s count; notified whenever a blob is written. */
    private final Object lock = new Object();

    private final Map<BlobType, OpenPack> openPacks = new EnumMap<>(BlobType.class);
    /**
     * Packs taken out of {@link #openPacks} whose upload is not yet in {@link #uploads} (guarded by {@link #lock}):
     * {@link #flush} waits for them, or an index written meanwhile could miss a pack holding saved blobs.
     */
    private int handingOver;

    private final List<CompletableFuture<Void>> uploads = new ArrayList<>();
    private volatile Throwable failure;

    /** A pack being filled, and how many of its reserved blobs are still being written. */
    private static final class OpenPack {
        final Packer packer;
        int unwritten;

        OpenPack(Packer packer) {
            this.packer = packer;
        }
    }

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
        // Room past the target size for the header, so that finishing a pack never copies it. As many idle buffers
        // are kept as packs may upload at once: then a backup reuses the same few buffers from start to end.
        int headroom = Math.min(packSize / 16, 1 << 20);
        this.buffers = new PackBufferPool(
                Math.max(packSize + headroom, PackHeader.MIN_PACK_SIZE), settings.maxPacksInFlight());
        this.slots = new Semaphore(settings.maxPacksInFlight());
        this.onStored = onStored;
    }

    /**
     * Reserves {@code sealedLength} bytes in the open pack of the blob's type and lets {@code writer} seal the blob
     * there, on this thread; uploads the pack if this blob closed it.
     */
    void add(BlobHandle handle, int sealedLength, int uncompressedLength, Packer.SlotWriter writer) throws IOException {
        throwIfFailed();
        List<OpenPack> closed = new ArrayList<>(2);
        OpenPack pack;
        Packer.Slot slot;
        synchronized (lock) {
            try {
                pack = roomFor(handle.type(), sealedLength, uncompressedLength > 0, closed);
                slot = pack.packer.reserve(handle, sealedLength, uncompressedLength);
            } catch (IOException | RuntimeException e) {
                if (!closed.isEmpty()) {
                    // Packs closed above hold blobs already reported as saved; failing for good keeps that honest.
                    recordFailure(e);
                    handingOver -= closed.size();
                    lock.notifyAll();
                }
                throw e;
            }
            pack.unwritten++;
            if (pack.packer.size() >= packSize || pack.packer.headerNearlyFull()) {
                close(handle.type(), pack, closed);
            }
        }
        try {
            try {
                slot.fill(writer);
            } catch (RuntimeException | Error e) {
                recordFailure(e);
                throw e;
            } finally {
                synchronized (lock) {
                    pack.unwritten--;
                    lock.notifyAll();
                }
            }
            uploadAll(closed);
        } finally {
            handedOver(closed.size());
        }
    }

    /**
     * Uploads closed packs. Other threads' blobs in them were already reported as saved, so failing to hand any of
     * them over (even by an interrupt) must fail the uploader for good.
     */
    private void uploadAll(List<OpenPack> closed) throws IOException {
        try {
            for (OpenPack full : closed) {
                uploadWhenWritten(full);
            }
        } catch (IOException | RuntimeException | Error e) {
            recordFailure(e);
            throw e;
        }
    }

    private void handedOver(int packs) {
        if (packs > 0) {
            synchronized (lock) {
                handingOver -= packs;
                lock.notifyAll();
            }
        }
    }

    private void recordFailure(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /**
     * The open pack that can take the blob, closing (into {@code closed}) a full-sized one it would not fit in. A
     * smaller pack grows instead, but only once no blob is being written into its buffer.
     */
    private OpenPack roomFor(BlobType type, int sealedLength, boolean compressed, List<OpenPack> closed)
            throws InterruptedIOException {
        while (true) {
            OpenPack pack = openPacks.computeIfAbsent(type, this::newPack);
            Packer packer = pack.packer;
            if (packer.blobCount() == 0 || packer.fits(sealedLength, compressed)) {
                return pack;
            }
            if (packer.capacity() >= buffers.bufferSize()) {
                close(type, pack, closed);
            } else if (pack.unwritten == 0) {
                return pack;
            } else {
                awaitWrites();
            }
        }
    }

    /** Takes a full pack out of {@link #openPacks} for the calling thread to upload; holding {@link #lock}. */
    private void close(BlobType type, OpenPack pack, List<OpenPack> closed) {
        openPacks.remove(type);
        closed.add(pack);
        handingOver++;
    }

    private OpenPack newPack(BlobType type) {
        return new OpenPack(type == BlobType.DATA ? new Packer(buffers) : new Packer(FIRST_TREE_PACK_BUFFER));
    }

    /** Uploads the open packs and waits until every pack is stored and in the master index. */
    void flush() throws IOException {
        List<OpenPack> open;
        synchronized (lock) {
            open = new ArrayList<>(openPacks.values());
            openPacks.clear();
            handingOver += open.size();
        }
        try {
            uploadAll(open);
        } finally {
            handedOver(open.size());
        }
        synchronized (lock) {
            while (handingOver > 0) {
                awaitWrites();
            }
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

    /** Uploads a closed pack once the blobs other threads reserved in it are written. */
    private void uploadWhenWritten(OpenPack pack) throws IOException {
        synchronized (lock) {
            while (pack.unwritten > 0) {
                awaitWrites();
            }
        }
        throwIfFailed();
        if (pack.packer.blobCount() > 0) {
            upload(pack.packer);
        }
    }

    /** Waits, holding {@link #lock}, until some blob is written. */
    private void awaitWrites() throws InterruptedIOException {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while blobs were being written into a pack");
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
            try {
                backend.save(FileHandle.of(FileType.PACK, pack.id()), pack.content(), pack.length());
            } finally {
                pack.release();
            }
            IndexedPack stored = new IndexedPack(pack.id(), pack.blobs());
            index.addUnsavedPack(stored);
            onStored.accept(stored);
        } catch (IOException e) {
            recordFailure(e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            recordFailure(e);
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
