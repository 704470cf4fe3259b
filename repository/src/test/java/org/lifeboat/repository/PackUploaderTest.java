package org.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.MasterKey;
import org.lifeboat.repository.index.MasterIndex;

class PackUploaderTest {
    private static final int PACK_SIZE = RepositorySettings.MIN_PACK_SIZE;
    /** Two of these never fit one pack, so the second blob closes the first blob's pack. */
    private static final int BLOB = PACK_SIZE * 3 / 4;

    @TempDir
    Path dir;

    @Test
    void flushWaitsForAPackAnotherThreadClosedButHasNotHandedOverYet() throws Exception {
        MasterIndex index = new MasterIndex();
        PackUploader uploader = new PackUploader(
                new LocalBackend(dir),
                MasterKey.generate(new SecureRandom()),
                index,
                RepositorySettings.defaults().withPackSize(PACK_SIZE),
                stored -> {});
        BlobHandle slow = handle(1);
        BlobHandle closer = handle(2);
        CountDownLatch slowWriting = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        var threads = Executors.newFixedThreadPool(3);
        try {
            // The slow blob is reserved in pack P and keeps writing into it...
            CompletableFuture<Void> slowSave = CompletableFuture.runAsync(
                    () -> add(uploader, slow, (target, offset) -> {
                        slowWriting.countDown();
                        await(releaseSlow);
                        return fill(target, offset);
                    }),
                    threads);
            slowWriting.await(10, TimeUnit.SECONDS);
            // ...while the next blob closes P: its thread now waits for the slow write before uploading P.
            CompletableFuture<Void> closingSave =
                    CompletableFuture.runAsync(() -> add(uploader, closer, PackUploaderTest::fill), threads);
            CompletableFuture<Void> flush = CompletableFuture.runAsync(
                    () -> {
                        try {
                            uploader.flush();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    },
                    threads);

            Thread.sleep(300);
            assertThat(flush)
                    .as("flush returned while a closed pack was not yet uploaded")
                    .isNotDone();

            releaseSlow.countDown();
            CompletableFuture.allOf(slowSave, closingSave, flush).get(30, TimeUnit.SECONDS);
            uploader.flush();
            assertThat(index.has(slow)).isTrue();
            assertThat(index.has(closer)).isTrue();
        } finally {
            releaseSlow.countDown();
            threads.shutdownNow();
        }
    }

    private static void add(
            PackUploader uploader, BlobHandle handle, org.lifeboat.repository.pack.Packer.SlotWriter w) {
        try {
            uploader.add(handle, BLOB, 0, w);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int fill(byte[] target, int offset) {
        Arrays.fill(target, offset, offset + BLOB, (byte) 7);
        return BLOB;
    }

    private static BlobHandle handle(int seed) {
        byte[] bytes = new byte[Id.LENGTH];
        Arrays.fill(bytes, (byte) seed);
        return new BlobHandle(Id.of(bytes), BlobType.DATA);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
