package org.lifeboat.repository.restorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;
import org.lifeboat.repository.archiver.Archiver;
import org.lifeboat.repository.archiver.ArchiverOptions;
import org.lifeboat.repository.archiver.BackupListener;
import org.lifeboat.repository.archiver.BackupResult;
import org.lifeboat.repository.archiver.HostileCorpus;
import org.lifeboat.repository.archiver.TreeComparison;
import org.lifeboat.repository.filter.PathFilter;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.walker.SnapshotPath;
import org.lifeboat.repository.walker.TreeLoader;
import org.lifeboat.repository.walker.TreeWalker;

class BackupRestoreRoundTripTest {
    @TempDir
    Path temp;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private Repository repository;

    @BeforeEach
    void createRepository() throws IOException {
        repository = TestRepositories.init(temp.resolve("repo"));
    }

    @AfterEach
    void close() throws IOException {
        repository.close();
        workers.shutdownNow();
    }

    @Test
    void restoresTheHostileCorpusExactly() throws IOException {
        Path corpus = HostileCorpus.create(temp.resolve("source"));

        BackupResult backup = backup(List.of(corpus), Optional.empty(), List.of());
        RestoreResult restore = restorer(PathFilter.NONE, PathFilter.NONE)
                .restore(backup.snapshot().snapshot().tree(), SnapshotPath.ROOT, temp.resolve("out"));

        assertThat(backup.errors()).isEmpty();
        assertThat(restore.failures()).isEmpty();
        TreeComparison.assertSameTree(corpus, restoredPath(corpus));
        assertThat(backup.summary().filesNew()).isEqualTo(17);
    }

    @Test
    void treesAreSortedAndRecordHardLinksWithRealInodes() throws IOException {
        Path corpus = HostileCorpus.create(temp.resolve("source"));
        BackupResult backup = backup(List.of(corpus), Optional.empty(), List.of());
        TreeWalker walker = new TreeWalker(new TreeLoader(repository));

        Node a = walker.find(backup.snapshot().snapshot().tree(), SnapshotPath.parse(corpus + "/hardlink-a"))
                .orElseThrow();
        Node b = walker.find(backup.snapshot().snapshot().tree(), SnapshotPath.parse(corpus + "/hardlink-b"))
                .orElseThrow();

        assertThat(a.links()).isEqualTo(2);
        assertThat(a.inode()).isEqualTo(b.inode()).isNotZero();
        assertThat(a.deviceId()).isEqualTo(b.deviceId());
        assertThat(a.size()).isEqualTo(Files.size(corpus.resolve("hardlink-a")));
    }

    @Test
    void secondBackupReadsOnlyWhatChanged() throws IOException {
        Path corpus = HostileCorpus.create(temp.resolve("source"));
        BackupResult first = backup(List.of(corpus), Optional.empty(), List.of());

        BackupResult unchanged = backup(List.of(corpus), Optional.of(first.snapshot()), List.of());
        Files.writeString(corpus.resolve("plain.txt"), "changed content\n");
        BackupResult changed = backup(List.of(corpus), Optional.of(unchanged.snapshot()), List.of());

        assertThat(unchanged.summary().filesUnmodified()).isEqualTo(17);
        assertThat(unchanged.summary().filesNew() + unchanged.summary().filesChanged())
                .isZero();
        // Only tree blobs may be new: reading files in the first backup updated their atimes, as with restic.
        assertThat(unchanged.summary().dataAdded()).isLessThan(64 * 1024);
        assertThat(changed.summary().filesChanged()).isEqualTo(1);
        assertThat(changed.summary().filesUnmodified()).isEqualTo(16);
        assertThat(changed.snapshot().snapshot().parent())
                .isEqualTo(unchanged.snapshot().id());
    }

    @Test
    void excludesLeaveItemsOutAndUnreadableFilesAreReportedNotFatal() throws IOException {
        Path corpus = HostileCorpus.create(temp.resolve("source"));
        // Reading another process's memory fails even for root: a reliably unreadable regular file.
        Path unreadable = Path.of("/proc/1/mem");

        BackupResult backup = backup(List.of(corpus, unreadable), Optional.empty(), List.of("*.bin", "dir ✓"));
        restorer(PathFilter.NONE, PathFilter.NONE)
                .restore(backup.snapshot().snapshot().tree(), SnapshotPath.ROOT, temp.resolve("out"));

        Path restored = restoredPath(corpus);
        assertThat(restored.resolve("random.bin")).doesNotExist();
        assertThat(restored.resolve("dir ✓")).doesNotExist();
        assertThat(restored.resolve("plain.txt")).exists();
        assertThat(backup.errors()).singleElement().satisfies(error -> assertThat(error.path())
                .isEqualTo(unreadable));
        assertThat(backup.isComplete()).isFalse();
    }

    @Test
    void includesAndExcludesSelectWhatIsRestored() throws IOException {
        Path corpus = HostileCorpus.create(temp.resolve("source"));
        BackupResult backup = backup(List.of(corpus), Optional.empty(), List.of());

        RestoreResult result = restorer(PathFilter.parse(List.of("deeper", "*.sh")), PathFilter.parse(List.of("run*")))
                .restore(backup.snapshot().snapshot().tree(), SnapshotPath.ROOT, temp.resolve("out"));

        Path restored = restoredPath(corpus);
        assertThat(restored.resolve("dir ✓/deeper/inner.txt")).hasContent("inner");
        assertThat(restored.resolve("run.sh")).doesNotExist();
        assertThat(restored.resolve("plain.txt")).doesNotExist();
        assertThat(result.filesRestored()).isEqualTo(1);
    }

    @Test
    void sparseFileOver4GiBRoundTripsCheaply() throws IOException {
        Path sparse = HostileCorpus.createSparseOver4GiB(Files.createDirectories(temp.resolve("big")));

        BackupResult backup = backup(List.of(sparse), Optional.empty(), List.of());
        restorer(PathFilter.NONE, PathFilter.NONE)
                .restore(backup.snapshot().snapshot().tree(), SnapshotPath.ROOT, temp.resolve("out"));

        Path restored = restoredPath(sparse);
        assertThat(Files.size(restored)).isEqualTo(Files.size(sparse)).isGreaterThan(4L << 30);
        assertThat(tail(restored)).isEqualTo(tail(sparse));
        assertThat(backup.summary().dataAdded())
                .as("one zero chunk and the tail")
                .isLessThan(10L << 20);
        // Comparing all 4 GiB would dominate the test's time; all-zero chunks are skipped, so the copy stays sparse.
        assertThat(allocatedBytes(restored)).as("restored sparse").isLessThan(64L << 20);
    }

    @Test
    void filesEndingInZeroChunksOrOnlyZerosGetTheirFullSize() throws IOException {
        Path source = Files.createDirectories(temp.resolve("zeros"));
        byte[] randomHead = new byte[1 << 20];
        new Random(9).nextBytes(randomHead);
        // The last chunks of the first file and all of the second are all zeros, which the restorer does not write
        // (holes); it must still give both files their full size.
        byte[] zeroTail = Arrays.copyOf(randomHead, randomHead.length + (12 << 20));
        Files.write(source.resolve("zero-tail.bin"), zeroTail);
        Files.write(source.resolve("only-zeros.bin"), new byte[9 << 20]);

        BackupResult backup = backup(List.of(source), Optional.empty(), List.of());
        RestoreResult restore = restorer(PathFilter.NONE, PathFilter.NONE)
                .restore(backup.snapshot().snapshot().tree(), SnapshotPath.ROOT, temp.resolve("out"));

        assertThat(restore.failures()).isEmpty();
        assertThat(restore.filesRestored()).isEqualTo(2);
        Path restored = restoredPath(source);
        assertThat(restored.resolve("zero-tail.bin")).hasBinaryContent(zeroTail);
        assertThat(restored.resolve("only-zeros.bin")).hasBinaryContent(new byte[9 << 20]);
    }

    private BackupResult backup(
            List<Path> targets, Optional<org.lifeboat.repository.snapshot.SavedSnapshot> parent, List<String> excludes)
            throws IOException {
        ArchiverOptions options = ArchiverOptions.of(excludes, List.of(), "test-host", workers);
        return new Archiver(repository, options).backup(targets, parent, BackupListener.NONE);
    }

    private static byte[] tail(Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * 1024 * 1024);
            channel.read(buffer, channel.size() - buffer.capacity());
            return buffer.array();
        }
    }

    private static long allocatedBytes(Path file) throws IOException {
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).start();
        String[] blocks =
                new String(stat.getInputStream().readAllBytes()).trim().split(" ");
        return Long.parseLong(blocks[0]) * Long.parseLong(blocks[1]);
    }

    /** The snapshot mirrors absolute paths, so a restore puts them below the target with their full path. */
    private Path restoredPath(Path original) {
        return temp.resolve("out").resolve(Path.of("/").relativize(original));
    }

    private Restorer restorer(PathFilter includes, PathFilter excludes) {
        return new Restorer(repository, new RestoreOptions(includes, excludes, workers));
    }
}
