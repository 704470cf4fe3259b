package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.testkit.RequiresTool;

/** {@code lifeboat repair index} turns a repository with a damaged or lost index back into one restic accepts. */
@RequiresTool("restic")
class RepairIndexCommandTest {
    @TempDir
    Path dir;

    private Path repo;
    private Path passwordFile;
    private Path source;
    private byte[] photo;
    private String out;
    private String err;

    @BeforeEach
    void backUpTwice() throws IOException {
        repo = dir.resolve("repo");
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "secret");
        FastRepository.init(repo, "secret");
        source = Files.createDirectories(dir.resolve("source"));
        photo = new byte[400_000];
        new Random(5).nextBytes(photo);
        Files.write(source.resolve("photo.jpg"), photo);
        assertThat(run("backup", source.toString())).as(err.toString()).isZero();
        Files.writeString(source.resolve("notes.txt"), "second snapshot");
        assertThat(run("backup", source.toString())).as(err.toString()).isZero();
    }

    @Test
    void aFlippedByteInAnIndexIsRepairedSoThatResticChecksAndRestoresEveryFile() throws Exception {
        Path index = indexFiles().getFirst();
        flipByte(index, 50);

        assertThat(run("repair", "index")).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("removed damaged index/" + index.getFileName())
                .contains("from the pack headers")
                .contains("wrote 1 index file(s)");
        assertThat(index).doesNotExist();

        assertThat(run("check", "--read-data")).as(out.toString()).isZero();
        ResticRunner.assertChecksClean(repo, "--read-data");
        assertResticRestoresEveryFile();
    }

    @Test
    void aBackupOverADamagedIndexThenARepairLeaveARepositoryResticAccepts() throws Exception {
        flipByte(indexFiles().getFirst(), 50);
        Files.writeString(source.resolve("third.txt"), "third snapshot");
        assertThat(run("backup", source.toString())).as(err.toString()).isZero();

        assertThat(run("repair", "index", "--read-all-packs"))
                .as(err.toString())
                .isZero();
        assertThat(run("repair", "index")).isZero();
        assertThat(out.toString()).contains("nothing to repair");

        ResticRunner.assertChecksClean(repo, "--read-data");
        assertResticRestoresEveryFile();
    }

    @Test
    void withEveryIndexFileDeletedRestoreRecoversFromThePacksAndRepairRebuildsTheIndex() throws Exception {
        for (Path index : indexFiles()) {
            index.toFile().setWritable(true);
            Files.delete(index);
        }

        Path target = dir.resolve("restored");
        // Nothing in the repository is damaged, only missing, and every file comes back: a warning, not a failure.
        assertThat(run("restore", "latest", "--target", target.toString())).isZero();
        assertThat(err.toString()).contains("listed by no readable index file").contains("lifeboat repair index");
        assertThat(target.resolve(Path.of("/").relativize(source)).resolve("photo.jpg"))
                .hasBinaryContent(photo);

        assertThat(run("repair", "index")).as(err.toString()).isZero();
        assertThat(indexFiles()).hasSize(1);
        assertThat(run("restore", "latest", "--target", dir.resolve("again").toString()))
                .as(err.toString())
                .isZero();
        ResticRunner.assertChecksClean(repo, "--read-data");
        assertResticRestoresEveryFile();
    }

    private void assertResticRestoresEveryFile() throws IOException, InterruptedException {
        Path target = dir.resolve("restic-restored");
        ResticRunner.run(repo, "restore", "latest", "--target", target.toString());
        Path restored = target.resolve(Path.of("/").relativize(source));
        assertThat(restored.resolve("photo.jpg")).hasBinaryContent(photo);
        assertThat(restored.resolve("notes.txt")).hasContent("second snapshot");
    }

    private List<Path> indexFiles() throws IOException {
        try (Stream<Path> files = Files.list(repo.resolve("index"))) {
            return files.sorted().toList();
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        file.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x10;
        Files.write(file, bytes);
    }

    private int run(String... args) {
        CommandOutcome outcome = CommandOutcome.run(repo, passwordFile, args);
        out = outcome.out();
        err = outcome.err();
        return outcome.exitCode();
    }
}
