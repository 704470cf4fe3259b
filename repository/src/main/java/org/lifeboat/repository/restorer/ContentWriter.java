package org.lifeboat.repository.restorer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.chunker.Chunker;
import org.lifeboat.repository.index.PackedBlob;
import org.lifeboat.repository.pack.PackBlob;
import org.lifeboat.repository.pack.PackFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills restored files pack by pack, as restic's restorer does: every blob is loaded once, even when many files or
 * many places in one file use it, and each pack is read in few large reads (its needed blobs in offset order, merged
 * across small gaps) rather than one read per blob. All-zero blobs are not written, which leaves holes in sparse
 * files. A file is handed to {@code completed} on the worker that processed its last blob, so that finishing it
 * (times, mode) runs in parallel too.
 */
final class ContentWriter {
    private static final Logger log = LoggerFactory.getLogger(ContentWriter.class);
    /** Needed blobs closer than this are read together, reading the gap too, rather than in two reads. */
    private static final int MAX_READ_GAP = 1 << 20;
    /**
     * A read covers at most this much (plus one blob), bounding the memory of each worker: a quarter of a default
     * pack keeps reads few and large while the buffers stay small enough not to grow the heap (peak RSS).
     */
    private static final int MAX_READ_LENGTH = 4 << 20;

    private static final byte[] ZEROS = new byte[Chunker.MAX_SIZE];

    private record Place(FileRestore file, long offset) {}

    private static final class BlobUse {
        final PackedBlob location;
        final List<Place> places = new ArrayList<>();

        BlobUse(PackedBlob location) {
            this.location = location;
        }

        PackBlob blob() {
            return location.blob();
        }
    }

    private final Repository repository;
    private final Executor workers;
    private final Consumer<FileRestore> completed;
    private final Map<Id, Map<Id, BlobUse>> blobsByPack = new LinkedHashMap<>();
    final LongAdder bytesWritten = new LongAdder();

    ContentWriter(Repository repository, Executor workers, Consumer<FileRestore> completed) {
        this.repository = repository;
        this.workers = workers;
        this.completed = completed;
    }

    /**
     * Plans the file's content; marks it failed at once if a blob is not in the index.
     *
     * @return whether the file has content to write (else it is complete as soon as created)
     */
    boolean add(FileRestore file) throws IOException {
        if (file.node.size() == 0) {
            return false; // restic restores a file of size 0 as empty, whatever its content list says
        }
        List<Id> content = file.node.content();
        List<PackedBlob> locations = new ArrayList<>(content.size());
        for (Id id : content) {
            Optional<PackedBlob> location = repository.index().lookup(new BlobHandle(id, BlobType.DATA));
            if (location.isEmpty()) {
                file.fail("data blob " + id.toShortString() + " is missing from the repository");
                return false;
            }
            locations.add(location.get());
        }
        file.pendingPlaces.set(locations.size());
        long offset = 0;
        for (PackedBlob location : locations) {
            blobsByPack
                    .computeIfAbsent(location.packId(), pack -> new LinkedHashMap<>())
                    .computeIfAbsent(location.handle().id(), blob -> new BlobUse(location))
                    .places
                    .add(new Place(file, offset));
            offset += location.blob().plaintextLength();
        }
        return !locations.isEmpty();
    }

    /**
     * Loads every planned pack's blobs and writes them; returns once all is written or failed. An unexpected exception
     * while writing a pack (a bug, or a backend that breaks its contract) fails the files that pack had not finished,
     * as a damaged blob does, rather than escaping with those files left half-written and unreported.
     */
    void writeAll() {
        List<CompletableFuture<Void>> packs = new ArrayList<>();
        for (Map.Entry<Id, Map<Id, BlobUse>> pack : blobsByPack.entrySet()) {
            PackWrite packWrite = new PackWrite(pack.getKey(), pack.getValue().values());
            try {
                packs.add(CompletableFuture.runAsync(packWrite::write, workers));
            } catch (RejectedExecutionException e) {
                packWrite.abandon(e);
            }
        }
        CompletableFuture.allOf(packs.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * One pack's blobs, on one worker; keeps the file it is writing open across consecutive blobs of that file. The
     * places written through the open channel count as done only once it is closed: closing can report a deferred
     * write error (NFS, FUSE), and a file must not be completed, and reported restored, before that.
     */
    private final class PackWrite {
        private final Id packId;
        private final List<BlobUse> inPackOrder;
        // The first place not yet written or skipped: place nextPlace of blob nextBlob, in pack order.
        private int nextBlob;
        private int nextPlace;
        private FileRestore openFile;
        private FileChannel channel;
        private int placesDoneInOpenFile;

        PackWrite(Id packId, Collection<BlobUse> blobs) {
            this.packId = packId;
            this.inPackOrder = new ArrayList<>(blobs);
            inPackOrder.sort(Comparator.comparingLong(use -> use.blob().offset()));
        }

        void write() {
            try {
                while (nextBlob < inPackOrder.size()) {
                    writeRead(endOfRead(inPackOrder, nextBlob));
                }
            } catch (RuntimeException e) {
                abandon(e);
            } finally {
                closeOpenFile();
            }
        }

        /**
         * Fails every file with a place this pack has not written yet and counts those places done, so that each such
         * file is still completed, as failed: the restorer then removes what was written of it and reports it.
         */
        void abandon(RuntimeException cause) {
            log.debug("restoring from pack {} failed unexpectedly", packId, cause);
            String step = "writing its data from pack " + packId.toShortString();
            List<Place> remaining = new ArrayList<>();
            for (int blob = nextBlob; blob < inPackOrder.size(); blob++) {
                List<Place> places = inPackOrder.get(blob).places;
                remaining.addAll(places.subList(blob == nextBlob ? nextPlace : 0, places.size()));
            }
            nextBlob = inPackOrder.size();
            nextPlace = 0;
            // All failed before any is counted done, so that none completes as restored; the open file is closed
            // first so that its places count at once rather than at a later close.
            remaining.forEach(place -> place.file().failUnexpectedly(step, cause));
            closeOpenFile();
            remaining.forEach(place -> placeDone(place.file()));
        }

        /** The blobs from {@code start} that one read covers. */
        private static int endOfRead(List<BlobUse> blobs, int start) {
            long readStart = blobs.get(start).blob().offset();
            int end = start + 1;
            while (end < blobs.size()) {
                PackBlob next = blobs.get(end).blob();
                long previousEnd = blobs.get(end - 1).blob().end();
                if (next.offset() - previousEnd > MAX_READ_GAP || next.end() - readStart > MAX_READ_LENGTH) {
                    break;
                }
                end++;
            }
            return end;
        }

        /** Writes the blobs from {@link #nextBlob} up to {@code end}, which one read covers. */
        private void writeRead(int end) {
            List<BlobUse> blobs = inPackOrder.subList(nextBlob, end);
            long readStart = blobs.getFirst().blob().offset();
            long readEnd = blobs.getLast().blob().end();
            byte[] packBytes;
            try {
                packBytes = repository
                        .backend()
                        .load(FileHandle.of(FileType.PACK, packId), readStart, Math.toIntExact(readEnd - readStart));
            } catch (IOException e) {
                packBytes = null; // each blob then tries its own read, and other copies
            }
            for (BlobUse use : blobs) {
                byte[] data;
                try {
                    data = decode(use, packBytes, readStart);
                } catch (IOException e) {
                    String reason = "data blob " + use.blob().handle().id().toShortString() + " is damaged ("
                            + e.getMessage() + ")";
                    use.places.forEach(place -> place.file().fail(reason));
                    use.places.forEach(this::advancePast);
                    continue;
                }
                boolean zeros = isAllZero(data);
                for (Place place : use.places) {
                    if (place.file().failure() == null && !zeros) {
                        writeAt(place, data);
                    }
                    advancePast(place);
                }
            }
        }

        /** Counts {@code place}, the next one, as done; moved past first, so that an exception cannot count it twice. */
        private void advancePast(Place place) {
            nextPlace++;
            if (nextPlace == inPackOrder.get(nextBlob).places.size()) {
                nextBlob++;
                nextPlace = 0;
            }
            placeDone(place.file());
        }

        /** This copy from the bytes read, or any copy of the blob if this one is damaged or was not read. */
        private byte[] decode(BlobUse use, byte[] packBytes, long readStart) throws IOException {
            if (packBytes != null) {
                try {
                    return PackFile.decodeBlob(
                            repository.masterKey(),
                            packId,
                            use.blob(),
                            packBytes,
                            Math.toIntExact(use.blob().offset() - readStart));
                } catch (IOException damaged) {
                    // fall through to the other copies
                }
            }
            return repository.loadBlob(use.location.handle());
        }

        private void writeAt(Place place, byte[] data) {
            FileRestore file = place.file();
            try {
                if (openFile != file) {
                    closeOpenFile();
                    channel = file.openForWrite();
                    openFile = file;
                }
                ByteBuffer buffer = ByteBuffer.wrap(data);
                long position = place.offset();
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                file.wrote(position);
                bytesWritten.add(data.length);
            } catch (IOException e) {
                file.fail("cannot write: " + e.getMessage());
            }
        }

        private void placeDone(FileRestore file) {
            if (openFile == file) {
                placesDoneInOpenFile++;
            } else {
                placesDone(file, 1);
            }
        }

        private void placesDone(FileRestore file, int places) {
            if (places > 0 && file.pendingPlaces.addAndGet(-places) == 0) {
                completed.accept(file);
            }
        }

        private void closeOpenFile() {
            if (channel == null) {
                return;
            }
            FileRestore file = openFile;
            int done = placesDoneInOpenFile;
            try {
                channel.close();
            } catch (IOException e) {
                file.fail("cannot write: " + e.getMessage());
            }
            channel = null;
            openFile = null;
            placesDoneInOpenFile = 0;
            placesDone(file, done);
        }
    }

    private static boolean isAllZero(byte[] data) {
        if (data.length > ZEROS.length) {
            return false; // never produced by restic's chunker; just write it
        }
        return Arrays.mismatch(data, 0, data.length, ZEROS, 0, data.length) < 0;
    }
}
