package org.lifeboat.repository.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;
import org.lifeboat.repository.index.PackedBlob;

class CheckerTest {
    @TempDir
    Path dir;

    @Test
    void aHealthyRepositoryHasNoProblems() throws IOException {
        fill();
        try (Repository repository = TestRepositories.open(dir)) {
            CheckReport report = new Checker(repository).check(new Checker.DataCheck.All());

            assertThat(report.problems()).isEmpty();
            assertThat(report.packsRead()).isEqualTo(report.packsChecked()).isGreaterThan(1);
            assertThat(report.blobsRead()).isEqualTo(30);
        }
    }

    @Test
    void readDataNamesTheDamagedPackAndBlob() throws IOException {
        Id damagedBlob = fill();
        PackedBlob location;
        try (Repository repository = TestRepositories.open(dir)) {
            location = repository
                    .index()
                    .lookup(new BlobHandle(damagedBlob, BlobType.DATA))
                    .orElseThrow();
        }
        flipByte(packPath(location.packId()), (int) location.blob().offset() + 40);

        try (Repository repository = TestRepositories.open(dir)) {
            CheckReport structural = new Checker(repository).check(new Checker.DataCheck.None());
            assertThat(structural.hasErrors())
                    .as("a flipped byte inside a blob keeps the structure intact")
                    .isFalse();

            CheckReport report = new Checker(repository).check(new Checker.DataCheck.All());
            assertThat(report.hasErrors()).isTrue();
            assertThat(report.damagedPacks()).containsExactly(location.packId());
            assertThat(report.damagedBlobs()).containsExactly(new BlobHandle(damagedBlob, BlobType.DATA));
            assertThat(report.errors())
                    .extracting(CheckProblem::message)
                    .anySatisfy(m -> assertThat(m).contains("hashes to"))
                    .anySatisfy(
                            m -> assertThat(m).contains(damagedBlob.toString()).contains("MAC"));
        }
    }

    @Test
    void readingPacksOnSeveralWorkersReportsTheSameProblemsInTheSameOrder() throws IOException {
        fill();
        try (Repository repository = TestRepositories.open(dir)) {
            // Damages the first blob of every pack, so that each pack read contributes problems.
            for (Id packId : repository.index().blobsByPack().keySet()) {
                flipByte(packPath(packId), 40);
            }
        }
        ExecutorService workers = Executors.newFixedThreadPool(3);
        try (Repository repository = TestRepositories.open(dir)) {
            CheckReport sequential = new Checker(repository).check(new Checker.DataCheck.All());
            CheckReport parallel = new Checker(repository, workers).check(new Checker.DataCheck.All());

            assertThat(parallel.problems()).isEqualTo(sequential.problems()).hasSizeGreaterThan(2);
            assertThat(parallel.blobsRead()).isEqualTo(sequential.blobsRead());
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void structureCheckFindsMissingAndTruncatedPacksAndOrphans() throws IOException {
        fill();
        try (Repository repository = TestRepositories.open(dir)) {
            var packs =
                    repository.index().blobsByPack().keySet().stream().sorted().toList();
            Id missing = packs.get(0);
            Id truncated = packs.get(1);
            Files.delete(packPath(missing));
            packPath(truncated).toFile().setWritable(true);
            byte[] bytes = Files.readAllBytes(packPath(truncated));
            Files.write(packPath(truncated), java.util.Arrays.copyOf(bytes, bytes.length - 10));
            Files.createDirectories(packPath(Id.hash(new byte[] {9})).getParent());
            Files.write(packPath(Id.hash(new byte[] {9})), new byte[] {1, 2, 3});

            CheckReport report = new Checker(repository).check(new Checker.DataCheck.None());

            assertThat(report.damagedPacks()).contains(missing, truncated);
            assertThat(report.damagedBlobs()).isNotEmpty();
            assertThat(report.warnings()).extracting(CheckProblem::message).anySatisfy(m -> assertThat(m)
                    .contains("not referenced"));
        }
    }

    @Test
    void subsetReadsAShareOfThePacks() throws IOException {
        fill();
        try (Repository repository = TestRepositories.open(dir)) {
            CheckReport report = new Checker(repository).check(new Checker.DataCheck.Subset(0.01, new Random(1)));

            assertThat(report.packsRead()).isEqualTo(1);
            assertThat(report.problems()).isEmpty();
        }
    }

    /** Thirty 20 kB blobs in 256 KiB packs; returns the ID of blob 13. */
    private Id fill() throws IOException {
        Id thirteen = null;
        try (Repository repository = TestRepositories.init(dir)) {
            for (int i = 0; i < 30; i++) {
                byte[] content = new byte[20_000];
                new Random(i).nextBytes(content);
                Id id = repository.saveBlob(BlobType.DATA, content);
                if (i == 13) {
                    thirteen = id;
                }
            }
            repository.flush();
        }
        return thirteen;
    }

    private Path packPath(Id packId) {
        return dir.resolve("data").resolve(packId.toString().substring(0, 2)).resolve(packId.toString());
    }

    private static void flipByte(Path file, int offset) throws IOException {
        file.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= 1;
        Files.write(file, bytes);
    }
}
