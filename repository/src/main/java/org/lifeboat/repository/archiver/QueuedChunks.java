package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.chunker.Chunk;
import org.lifeboat.repository.chunker.ChunkStream;
import org.lifeboat.repository.chunker.Chunker;

/**
 * One file's content cut into chunks and handed to the pipeline: the bytes read and, in order, each chunk's future
 * blob ID. Shared by the local and the virtual-source backups, which differ only in how a file is opened and how a
 * failure is reported.
 */
record QueuedChunks(long size, List<CompletableFuture<Id>> ids) {
    /**
     * Reads {@code input} to its end through the chunker, queueing each chunk as soon as it is cut.
     *
     * @param expectedSize the size announced by a stat or a listing: it sizes the read buffer (a small file then
     *     needs no growing buffer); a stream that turns out longer is still read whole
     * @param processed told the length of each chunk queued, for progress
     */
    static QueuedChunks read(
            InputStream input, long expectedSize, Chunker chunker, BlobPipeline pipeline, LongConsumer processed)
            throws IOException {
        List<CompletableFuture<Id>> ids = new ArrayList<>();
        long size = 0;
        ChunkStream stream = chunker.split(input, expectedSize);
        for (Optional<Chunk> chunk = stream.next(); chunk.isPresent(); chunk = stream.next()) {
            size += chunk.get().length();
            ids.add(pipeline.save(BlobType.DATA, chunk.get().takeBytes()));
            processed.accept(chunk.get().length());
        }
        return new QueuedChunks(size, ids);
    }

    /** The blob IDs once every chunk is stored; fails if storing any of them failed. */
    CompletableFuture<List<Id>> content() {
        return CompletableFuture.allOf(ids.toArray(CompletableFuture[]::new))
                .thenApply(done -> ids.stream().map(CompletableFuture::join).toList());
    }
}
