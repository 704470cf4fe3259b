package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.index.PackedBlob;
import org.lifeboat.repository.snapshot.SnapshotStore;

/**
 * One flipped byte in a pack, an index file or a snapshot file: {@code check} names it, {@code restore} saves what
 * it can and names the rest, and nothing crashes.
 */
class DamageTest {
    @TempDir
    Path dir;

    private Path repo;
    private Path passwordFile;
    private Path source;
    private byte[] damagedContent;
    private byte[] intactContent;
    private String out;
    private String err;

    @BeforeEach
    void backUpTwice() throws IOException {
        repo = dir.resolve("repo");
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "secret");
        FastRepository.init(repo, "secret");
        source = Files.createDirectories(dir.resolve("source/albums"));
        Random random = new Random(3);
        damagedContent = new byte[300_000];
        random.nextBytes(damagedContent);
        intactContent = new byte[200_000];
        random.nextBytes(intactContent);
        Files.write(source.resolve("damaged.jpg"), damagedContent);
        Files.write(source.resolve("intact.jpg"), intactContent);
        Files.writeString(source.resolve("notes.txt"), "kept");
        assertThat(run("backup", source.toString())).as(err.toString()).isZero();
        Files.writeString(source.resolve("later.txt"), "second snapshot");
        assertThat(run("backup", source.toString())).as(err.toString()).isZero();
    }

    @Test
    void aDamagedDataBlobIsNamedWithItsFilesAndRestoreSavesTheRest() throws IOException {
        PackedBlob blob;
        try (Repository repository = open()) {
            blob = repository
                    .index()
                    .lookup(new BlobHandle(Id.hash(damagedContent), BlobType.DATA))
                    .orElseThrow();
        }
        flipByte(
                repo.resolve("data")
                        .resolve(blob.packId().toString().substring(0, 2))
                        .resolve(blob.packId().toString()),
                blob.blob().offset() + 40);

        assertThat(run("check")).as("headers and sizes are intact").isZero();
        assertThat(run("check", "--read-data")).isEqualTo(1);
        assertThat(out.toString())
                .contains("pack " + blob.packId())
                .contains("file " + source.resolve("damaged.jpg"))
                .doesNotContain("file " + source.resolve("intact.jpg"));

        Path target = dir.resolve("restored");
        assertThat(run("restore", "latest", "--target", target.toString())).isEqualTo(3);
        assertThat(err.toString())
                .contains(source.resolve("damaged.jpg") + ": data blob")
                .contains("1 item(s) could not be restored")
                .doesNotContain("Exception");
        Path restored = target.resolve(Path.of("/").relativize(source));
        assertThat(restored.resolve("intact.jpg")).hasBinaryContent(intactContent);
        assertThat(restored.resolve("notes.txt")).hasContent("kept");
        assertThat(restored.resolve("later.txt")).hasContent("second snapshot");
    }

    @Test
    void aDamagedIndexIsNamedAndRecoveredFromThePackHeadersByRestoreLsAndBackup() throws IOException {
        Path index = only(repo.resolve("index"), 2).getFirst();
        flipByte(index, 50);
        String name = "index/" + index.getFileName();

        assertThat(run("check")).isEqualTo(1);
        assertThat(out.toString()).contains("error: " + name + " is damaged").contains("lifeboat repair index");

        Path target = dir.resolve("restored");
        assertThat(run("restore", "latest", "--target", target.toString())).isEqualTo(3);
        assertThat(err.toString())
                .contains("warning: " + name + " is damaged")
                .contains("were read from the pack headers")
                .contains("lifeboat repair index")
                .contains("every file was restored")
                .doesNotContain("Exception");
        Path restored = target.resolve(Path.of("/").relativize(source));
        assertThat(restored.resolve("damaged.jpg")).hasBinaryContent(damagedContent);
        assertThat(restored.resolve("intact.jpg")).hasBinaryContent(intactContent);
        assertThat(restored.resolve("notes.txt")).hasContent("kept");
        assertThat(restored.resolve("later.txt")).hasContent("second snapshot");

        assertThat(run("ls", "latest")).isZero();
        assertThat(out.toString()).contains(source.resolve("damaged.jpg").toString());
        assertThat(err.toString()).contains(name + " is damaged").contains("lifeboat repair index");

        Files.writeString(source.resolve("third.txt"), "third snapshot");
        assertThat(run("backup", "--json", source.toString()))
                .as(err.toString())
                .isZero();
        assertThat(err.toString()).contains(name + " is damaged");
        Matcher added = Pattern.compile("\"data_added\":(\\d+)").matcher(out.toString());
        assertThat(added.find()).as(out.toString()).isTrue();
        assertThat(Long.parseLong(added.group(1)))
                .as("the photos are found through the pack headers, not stored again")
                .isLessThan(10_000);
    }

    @Test
    void aDamagedSnapshotIsNamedByCheckAndSkippedByTheOtherCommands() throws IOException {
        String oldest;
        try (Repository repository = open()) {
            oldest = new SnapshotStore(repository).loadAll().getFirst().id().toString();
        }
        flipByte(repo.resolve("snapshots").resolve(oldest), 50);

        assertThat(run("check")).isEqualTo(1);
        assertThat(out.toString()).contains("snapshot " + oldest.substring(0, 8) + " cannot be read");
        assertThat(run("snapshots")).isZero();
        assertThat(err.toString()).contains("warning: skipping snapshots/" + oldest + " is damaged");
        assertThat(out.toString()).contains("1 snapshot\n");
        Path target = dir.resolve("restored");
        assertThat(run("restore", "latest", "--target", target.toString())).isZero();
        assertThat(target.resolve(Path.of("/").relativize(source)).resolve("later.txt"))
                .hasContent("second snapshot");
        assertThat(run("backup", source.toString())).as(err.toString()).isZero();
    }

    private static List<Path> only(Path folder, int expected) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.sorted().toList();
            assertThat(found).hasSize(expected);
            return found;
        }
    }

    private static void flipByte(Path file, long offset) throws IOException {
        file.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x10;
        Files.write(file, bytes);
    }

    private Repository open() throws IOException {
        return Repository.open(new LocalBackend(repo), Password.of("secret"), RepositorySettings.defaults());
    }

    private int run(String... args) {
        CommandOutcome outcome = CommandOutcome.run(repo, passwordFile, args);
        out = outcome.out();
        err = outcome.err();
        return outcome.exitCode();
    }
}
