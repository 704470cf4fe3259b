package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.testkit.RequiresTool;

/**
 * {@code kill -9} during {@code lifeboat backup}, at several moments: restic still checks the repository clean, no
 * plaintext reached the disk, and the next backup completes without uploading again what an index file already
 * lists.
 *
 * <p>The killed backup leaves its lock behind. It is stale (same host, dead PID), but restic 0.14's {@code check}
 * still refuses to run next to it, so the test checks with {@code --no-lock}; {@code restic unlock} or
 * {@code lifeboat unlock} would remove it. Backups take shared locks, which a stale shared lock does not block.
 */
@RequiresTool("restic")
class CrashSafetyTest {
    private static final int FILES = 16;
    private static final int FILE_SIZE = 4 << 20;
    private static final int SAMPLE_LENGTH = 32;
    private static final int SAMPLE_SPACING = 256 << 10;

    @TempDir
    Path dir;

    private Path repo;
    private Path corpus;
    private ChildLifeboat lifeboat;
    private final List<byte[]> samples = new ArrayList<>();

    @BeforeEach
    void createRepositoryAndCorpus() throws IOException {
        repo = dir.resolve("repo");
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "secret");
        FastRepository.init(repo, "secret");
        corpus = Files.createDirectories(dir.resolve("corpus"));
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < FILES; i++) {
            byte[] content = new byte[FILE_SIZE];
            random.nextBytes(content);
            Files.write(corpus.resolve("photo-" + i + ".jpg"), content);
            // Chunks are at least 512 KiB, so a chunk written in the clear would contain a sample.
            for (int offset = 0; offset + SAMPLE_LENGTH <= FILE_SIZE; offset += SAMPLE_SPACING) {
                samples.add(Arrays.copyOfRange(content, offset, offset + SAMPLE_LENGTH));
            }
        }
        lifeboat = new ChildLifeboat(repo, passwordFile, dir);
    }

    @Test
    void killedBackupsLeaveACheckableRepositoryAndTheNextBackupReusesIndexedData() throws Exception {
        backUpAndKillWhen("3 packs are stored", () -> count("data") >= 3);
        assertThat(count("index")).as("no index file is due after 3 packs").isZero();
        ResticRunner.assertChecksClean(repo, "--no-lock");

        backUpAndKillWhen("the first index file is written", () -> count("index") >= 1);
        ResticRunner.assertChecksClean(repo, "--no-lock");

        int packsBefore = count("data");
        backUpAndKillWhen("4 more packs are stored", () -> count("data") >= packsBefore + 4);
        ResticRunner.assertChecksClean(repo, "--no-lock");

        assertNoPlaintextIn(repo);
        assertNoPlaintextIn(lifeboat.tempDirectory());
        Set<BlobHandle> indexedBeforeResuming = indexedBlobs();
        assertThat(indexedBeforeResuming)
                .as("the killed backups' rotated index files")
                .isNotEmpty();

        Process resumed = lifeboat.start("backup", "--pack-size", "4", corpus.toString());
        assertThat(resumed.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(lifeboat.output()).isZero();

        try (Repository repository = open()) {
            for (BlobHandle blob : indexedBeforeResuming) {
                assertThat(repository.index().lookupAll(blob))
                        .as("blob %s was indexed before; it must not be uploaded again", blob)
                        .hasSize(1);
            }
        }
        ResticRunner.assertChecksClean(repo, "--no-lock", "--read-data");
        assertThat(ResticRunner.run(repo, "snapshots", "--no-lock")).contains("1 snapshots");
    }

    private void backUpAndKillWhen(String moment, BooleanSupplier reached) throws Exception {
        Process child = lifeboat.start("backup", "--pack-size", "4", corpus.toString());
        try {
            while (!reached.getAsBoolean()) {
                assertThat(child.isAlive())
                        .as("the backup ended before %s:%n%s", moment, lifeboat.output())
                        .isTrue();
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by signal 9 when %s", moment).isEqualTo(128 + 9);
    }

    /** Completed files (named by their ID) below {@code data/} or {@code index/}; temp files do not count. */
    private int count(String directory) {
        try (Stream<Path> files = Files.walk(repo.resolve(directory))) {
            return (int) files.filter(file -> file.getFileName().toString().matches("[0-9a-f]{64}"))
                    .count();
        } catch (IOException | UncheckedIOException e) {
            return 0; // a temp file renamed while walking (the stream throws unchecked); look again
        }
    }

    private Set<BlobHandle> indexedBlobs() throws IOException {
        try (Repository repository = open()) {
            Set<BlobHandle> blobs = new HashSet<>();
            repository.index().blobsByPack().values().forEach(pack -> pack.forEach(blob -> blobs.add(blob.handle())));
            assertThat(blobs).allMatch(blob -> blob.type() == BlobType.DATA || blob.type() == BlobType.TREE);
            return blobs;
        }
    }

    private Repository open() throws IOException {
        return Repository.open(new LocalBackend(repo), Password.of("secret"), RepositorySettings.defaults());
    }

    /** No file below {@code root}, temp files of killed writes included, holds a sample of the corpus. */
    private void assertNoPlaintextIn(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        boolean[] firstTwoBytes = new boolean[1 << 16];
        for (byte[] sample : samples) {
            firstTwoBytes[(sample[0] & 0xff) << 8 | (sample[1] & 0xff)] = true;
        }
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (int i = 0; i + SAMPLE_LENGTH <= content.length; i++) {
                if (firstTwoBytes[(content[i] & 0xff) << 8 | (content[i + 1] & 0xff)]) {
                    for (byte[] sample : samples) {
                        assertThat(Arrays.equals(content, i, i + SAMPLE_LENGTH, sample, 0, SAMPLE_LENGTH))
                                .as("%s holds user data in the clear at byte %d", file, i)
                                .isFalse();
                    }
                }
            }
        }
    }
}
