package org.lifeboat.repository.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.checker.Checker;
import org.lifeboat.repository.index.MasterIndex;
import org.lifeboat.repository.lock.LockSettings;
import org.lifeboat.repository.lock.Locker;
import org.lifeboat.repository.lock.RepositoryLock;
import org.lifeboat.repository.pack.PackBlob;

class IndexRepairTest {
    private static final LockSettings NO_WAIT =
            new LockSettings(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(30));

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<byte[]> contents = new ArrayList<>();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aDamagedIndexFileIsReplacedByOneBuiltFromThePackHeaders() throws IOException {
        Id damaged = fill().getLast();
        flip(dir.resolve("index").resolve(damaged.toString()), 50);

        IndexRepairReport report = repair(false);

        assertThat(report.isComplete()).isTrue();
        assertThat(report.damagedIndexFiles()).singleElement().satisfies(e -> assertThat(e.file())
                .isEqualTo("index/" + damaged));
        assertThat(report.packs().recoveredBlobCount()).isEqualTo(15);
        assertThat(report.writtenIndexFiles()).isNotEmpty();
        assertThat(report.deletedIndexFiles()).contains(damaged);
        try (Repository repository = TestRepositories.open(dir)) {
            assertThat(repository.list(FileType.INDEX)).containsExactlyInAnyOrderElementsOf(report.writtenIndexFiles());
            assertThat(repository.indexRecovery().isClean()).isTrue();
            assertThat(new Checker(repository)
                            .check(new Checker.DataCheck.All())
                            .problems())
                    .isEmpty();
            for (byte[] content : contents) {
                assertThat(repository.loadBlob(new BlobHandle(Id.hash(content), BlobType.DATA)))
                        .isEqualTo(content);
            }
        }
    }

    @Test
    void aHealthyIndexIsLeftAloneEvenWhenEveryPackIsRead() throws IOException {
        List<Id> indexFiles = fill();

        IndexRepairReport report = repair(true);

        assertThat(report.writtenIndexFiles()).isEmpty();
        assertThat(report.packs().recovered()).isEmpty();
        try (Repository repository = TestRepositories.open(dir)) {
            assertThat(repository.list(FileType.INDEX)).containsExactlyInAnyOrderElementsOf(indexFiles);
        }
    }

    @Test
    void entriesOfPacksThatAreGoneAreDropped() throws IOException {
        fill();
        Path pack = packs().getFirst();
        Files.delete(pack);

        IndexRepairReport report = repair(false);

        assertThat(report.packs().missing())
                .extracting(Id::toString)
                .containsExactly(pack.getFileName().toString());
        try (Repository repository = TestRepositories.open(dir)) {
            assertThat(repository.index().packIds()).hasSize(packs().size());
            assertThat(new Checker(repository)
                            .check(new Checker.DataCheck.None())
                            .problems())
                    .isEmpty();
        }
    }

    @Test
    void anUnreadablePackIsReportedAndTheOtherPacksAreIndexed() throws IOException {
        for (Id indexFile : fill()) {
            Files.delete(dir.resolve("index").resolve(indexFile.toString()));
        }
        Path pack = packs().getFirst();
        flip(pack, Files.size(pack) - 10);

        IndexRepairReport report = repair(false);

        assertThat(report.isComplete()).isFalse();
        assertThat(report.packs().unreadable()).hasSize(1);
        assertThat(report.packsIndexed()).isEqualTo(packs().size() - 1);
    }

    @Test
    void aTruncatedPackLosesItsEntriesSoTheNextBackupStoresItsBlobsAgain() throws IOException {
        fill();
        Path pack = packs().getFirst();
        Id packId = Id.parse(pack.getFileName().toString());
        List<BlobHandle> lost;
        try (Repository repository = TestRepositories.open(dir)) {
            lost = repository.index().blobsByPack().get(packId).stream()
                    .map(PackBlob::handle)
                    .toList();
        }
        truncate(pack, Files.size(pack) / 2); // a full disk: the header at the end is gone

        IndexRepairReport report = repair(false);

        assertThat(report.packs().incomplete()).containsExactly(packId);
        assertThat(report.packs().unreadable()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .contains(packId.toString()));
        assertThat(report.writtenIndexFiles()).isNotEmpty();
        try (Repository repository = TestRepositories.open(dir)) {
            MasterIndex index = repository.index();
            assertThat(index.packIds()).doesNotContain(packId);
            assertThat(lost).isNotEmpty().noneMatch(index::has);

            for (byte[] content : contents) {
                repository.saveBlob(BlobType.DATA, content);
            }
            repository.flush();

            for (BlobHandle blob : lost) {
                assertThat(repository.index().lookup(blob)).hasValueSatisfying(packed -> assertThat(packed.packId())
                        .isNotEqualTo(packId));
            }
            for (byte[] content : contents) {
                assertThat(repository.loadBlob(new BlobHandle(Id.hash(content), BlobType.DATA)))
                        .isEqualTo(content);
            }
        }
    }

    @Test
    void aPackWhoseSizeStillMatchesKeepsItsEntriesWhenItsHeaderIsDamaged() throws IOException {
        fill();
        Path pack = packs().getFirst();
        Id packId = Id.parse(pack.getFileName().toString());
        flip(pack, Files.size(pack) - 10);

        IndexRepairReport report = repair(true);

        assertThat(report.packs().unreadable()).hasSize(1);
        assertThat(report.packs().incomplete()).isEmpty();
        try (Repository repository = TestRepositories.open(dir)) {
            assertThat(repository.index().packIds()).contains(packId);
        }
    }

    @Test
    void aSharedLockIsRefused() throws IOException {
        fill();
        try (Repository repository = TestRepositories.open(dir);
                RepositoryLock lock = new Locker(repository, scheduler, NO_WAIT).lockShared()) {
            assertThatThrownBy(() -> new IndexRepair(repository).repair(false, lock))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("exclusive lock");
        }
    }

    private IndexRepairReport repair(boolean readAllPacks) throws IOException {
        try (Repository repository = TestRepositories.open(dir);
                RepositoryLock lock = new Locker(repository, scheduler, NO_WAIT).lockExclusive()) {
            return new IndexRepair(repository).repair(readAllPacks, lock);
        }
    }

    private List<Id> fill() throws IOException {
        return TestRepositories.initWithThirtyBlobs(dir, contents);
    }

    private List<Path> packs() throws IOException {
        return TestRepositories.packFiles(dir);
    }

    private static void truncate(Path file, long size) throws IOException {
        file.toFile().setWritable(true);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void flip(Path file, long offset) throws IOException {
        file.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 1;
        Files.write(file, bytes);
    }
}
