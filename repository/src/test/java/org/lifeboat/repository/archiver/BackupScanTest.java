package org.lifeboat.repository.archiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;

/** The background scan gives progress its totals. */
class BackupScanTest {
    @TempDir
    Path temp;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void aListenerThatShowsProgressGetsTheFinalTotals() throws IOException {
        Path source = corpus();
        RecordingListener listener = new RecordingListener();

        backup(source, listener);

        assertThat(listener.scans).last().isEqualTo(new Scan(3, 1 + 22 + 333, true));
    }

    private Path corpus() throws IOException {
        Path source = Files.createDirectories(temp.resolve("source/sub"));
        Files.write(source.resolveSibling("a"), new byte[1]);
        Files.write(source.resolveSibling("b"), new byte[22]);
        Files.write(source.resolve("c"), new byte[333]);
        return source.getParent();
    }

    private BackupSummary backup(Path source, BackupListener listener) throws IOException {
        try (Repository repository = TestRepositories.init(temp.resolve("repo"))) {
            ArchiverOptions options = ArchiverOptions.of(List.of(), List.of(), "test-host", workers);
            BackupResult result = new Archiver(repository, options).backup(List.of(source), Optional.empty(), listener);
            assertThat(result.errors()).isEmpty();
            return result.summary();
        }
    }

    private record Scan(long files, long bytes, boolean finished) {}

    /**
     * Records scans, and holds the backup's first finished file until the scan has finished, since a backup that ends
     * first stops its scan.
     */
    private static final class RecordingListener implements BackupListener {
        private final CountDownLatch scanFinished = new CountDownLatch(1);
        final List<Scan> scans = new CopyOnWriteArrayList<>();

        @Override
        public void scanned(long files, long bytes, boolean finished) {
            scans.add(new Scan(files, bytes, finished));
            if (finished) {
                scanFinished.countDown();
            }
        }

        @Override
        public void fileDone(Path path, FileStatus status, long size) {
            try {
                assertThat(scanFinished.await(30, TimeUnit.SECONDS))
                        .as("the scan finished")
                        .isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
