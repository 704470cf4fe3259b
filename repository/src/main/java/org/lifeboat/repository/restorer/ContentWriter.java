package org.lifeboat.repository.restorer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.chunker.Chunker;
import org.lifeboat.repository.index.PackedBlob;

/**
 * Fills restored files pack by pack, as restic's restorer does: every blob is loaded once, even when many files or
 * many places in one file use it, and each pack's blobs are read in file order. All-zero blobs are not written, which
 * leaves holes in sparse files.
 */
final class ContentWriter {
    private record Place(FileRestore file, long offset) {}

    private static final class BlobUse {
        final PackedBlob location;
        final List<Place> places = new ArrayList<>();

        BlobUse(PackedBlob location) {
            this.location = location;
        }
    }

    private static final byte[] ZEROS = new byte[Chunker.MAX_SIZE];

    private final Repository repository;
    private final Executor workers;
    private final Map<Id, Map<Id, BlobUse>> blobsByPack = new LinkedHashMap<>();
    final LongAdder bytesWritten = new LongAdder();

    ContentWriter(Repository repository, Executor workers) {
        this.repository = repository;
        this.workers = workers;
    }

    /** Plans the file's content; marks it failed at once if a blob is not in the index. */
    void add(FileRestore file) throws IOException {
        if (file.node.size() == 0) {
            return; // restic restores a file of size 0 as empty, whatever its content list says
        }
        long offset = 0;
        for (Id id : file.node.content()) {
            Optional<PackedBlob> location = repository.index().lookup(new BlobHandle(id, BlobType.DATA));
            if (location.isEmpty()) {
                file.fail("data blob " + id.toShortString() + " is missing from the repository");
                return;
            }
            blobsByPack
                    .computeIfAbsent(location.get().packId(), pack -> new LinkedHashMap<>())
                    .computeIfAbsent(id, blob -> new BlobUse(location.get()))
                    .places
                    .add(new Place(file, offset));
            offset += location.get().blob().plaintextLength();
        }
    }

    /** Loads every planned pack's blobs and writes them; returns once all is written or failed. */
    void writeAll() {
        List<CompletableFuture<Void>> packs = new ArrayList<>();
        for (Map<Id, BlobUse> pack : blobsByPack.values()) {
            packs.add(CompletableFuture.runAsync(() -> writePack(pack.values()), workers));
        }
        CompletableFuture.allOf(packs.toArray(CompletableFuture[]::new)).join();
    }

    private void writePack(java.util.Collection<BlobUse> blobs) {
        List<BlobUse> inPackOrder = new ArrayList<>(blobs);
        inPackOrder.sort(Comparator.comparingLong(use -> use.location.blob().offset()));
        for (BlobUse use : inPackOrder) {
            byte[] data;
            try {
                data = load(use.location);
            } catch (IOException e) {
                String reason = "data blob " + use.location.blob().handle().id().toShortString() + " is damaged ("
                        + e.getMessage() + ")";
                use.places.forEach(place -> place.file().fail(reason));
                continue;
            }
            boolean zeros = isAllZero(data);
            for (Place place : use.places) {
                if (place.file().failure() != null || zeros) {
                    continue;
                }
                try (FileChannel channel =
                        FileChannel.open(place.file().path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    ByteBuffer buffer = ByteBuffer.wrap(data);
                    long position = place.offset();
                    while (buffer.hasRemaining()) {
                        position += channel.write(buffer, position);
                    }
                    bytesWritten.add(data.length);
                } catch (IOException e) {
                    place.file().fail("cannot write: " + e.getMessage());
                }
            }
        }
    }

    /** This copy, or any other copy of the blob if this one is damaged. */
    private byte[] load(PackedBlob location) throws IOException {
        try {
            return repository.loadBlob(location);
        } catch (IOException first) {
            return repository.loadBlob(location.handle());
        }
    }

    private static boolean isAllZero(byte[] data) {
        if (data.length > ZEROS.length) {
            return false; // never produced by restic's chunker; just write it
        }
        return Arrays.mismatch(data, 0, data.length, ZEROS, 0, data.length) < 0;
    }
}
