package org.lifeboat.repository.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;

/** Loading the index recovers what damaged or missing index files lose from the pack headers. */
class IndexRecoveryTest {
    @TempDir
    Path dir;

    private final List<byte[]> contents = new ArrayList<>();

    @Test
    void aHealthyIndexNeedsNoRecovery() throws IOException {
        List<Id> indexFiles = fill();
        try (Repository repository = TestRepositories.open(dir)) {
            assertThat(repository.indexRecovery().isClean()).isTrue();
            assertThat(repository.index().indexFileIds()).containsExactlyInAnyOrderElementsOf(indexFiles);
        }
    }

    @Test
    void aDamagedIndexFileIsNamedAndItsBlobsAreReadFromThePackHeaders() throws IOException {
        Id damaged = fill().getLast();
        flipByte(dir.resolve("index").resolve(damaged.toString()), 50);

        try (Repository repository = TestRepositories.open(dir)) {
            IndexRecoveryReport report = repository.indexRecovery();

            assertThat(report.isClean()).isFalse();
            assertThat(report.damagedIndexFiles()).singleElement().satisfies(e -> assertThat(e.file())
                    .isEqualTo("index/" + damaged));
            assertThat(report.packs().recovered()).isNotEmpty();
            assertThat(report.packs().recoveredBlobCount()).isEqualTo(15);
            assertThat(report.packs().unreadable()).isEmpty();
            assertEveryBlobLoads(repository);
        }
    }

    @Test
    void withoutAnyIndexFileEveryPackIsRecovered() throws IOException {
        for (Id indexFile : fill()) {
            Files.delete(dir.resolve("index").resolve(indexFile.toString()));
        }

        try (Repository repository = TestRepositories.open(dir)) {
            IndexRecoveryReport report = repository.indexRecovery();

            assertThat(report.damagedIndexFiles()).isEmpty();
            assertThat(report.packs().recoveredBlobCount()).isEqualTo(30);
            assertEveryBlobLoads(repository);
        }
    }

    @Test
    void aPackWithADamagedHeaderIsReportedAndTheOthersAreRecovered() throws IOException {
        for (Id indexFile : fill()) {
            Files.delete(dir.resolve("index").resolve(indexFile.toString()));
        }
        Path pack = packs().getFirst();
        flipByte(pack, Files.size(pack) - 10);

        try (Repository repository = TestRepositories.open(dir)) {
            IndexRecoveryReport report = repository.indexRecovery();

            assertThat(report.packs().unreadable()).singleElement().satisfies(e -> assertThat(
                            e.packId().toString())
                    .isEqualTo(pack.getFileName().toString()));
            assertThat(report.packs().recovered()).hasSize(packs().size() - 1);
            assertThat(repository.index().entryCount()).isEqualTo(report.packs().recoveredBlobCount());
        }
    }

    @Test
    void theNextFlushListsTheRecoveredPacksInItsIndexFile() throws IOException {
        Id damaged = fill().getLast();
        Path damagedFile = dir.resolve("index").resolve(damaged.toString());
        flipByte(damagedFile, 50);
        try (Repository repository = TestRepositories.open(dir)) {
            repository.saveBlob(BlobType.DATA, new byte[] {1, 2, 3});
            assertThat(repository.flush()).isNotEmpty();
        }
        Files.delete(damagedFile);

        try (Repository repository = TestRepositories.open(dir)) {
            assertThat(repository.indexRecovery().isClean()).isTrue();
            assertEveryBlobLoads(repository);
            assertThat(repository.index().entryCount()).isEqualTo(31);
        }
    }

    private void assertEveryBlobLoads(Repository repository) throws IOException {
        for (byte[] content : contents) {
            assertThat(repository.loadBlob(new BlobHandle(Id.hash(content), BlobType.DATA)))
                    .isEqualTo(content);
        }
    }

    private List<Id> fill() throws IOException {
        return TestRepositories.initWithThirtyBlobs(dir, contents);
    }

    private List<Path> packs() throws IOException {
        return TestRepositories.packFiles(dir);
    }

    private static void flipByte(Path file, long offset) throws IOException {
        file.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 1;
        Files.write(file, bytes);
    }
}
