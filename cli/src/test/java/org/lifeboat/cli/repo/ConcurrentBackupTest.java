package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.cli.Main;
import org.lifeboat.testkit.RequiresTool;

/** Backups share the repository (non-exclusive locks); prune waits for nobody and refuses while one runs. */
@RequiresTool("restic")
class ConcurrentBackupTest {
    @TempDir
    Path dir;

    private Path repo;
    private Path passwordFile;
    private ChildLifeboat lifeboat;
    private final SplittableRandom random = new SplittableRandom(2);

    @BeforeEach
    void createRepository() throws IOException {
        repo = dir.resolve("repo");
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "secret");
        FastRepository.init(repo, "secret");
        lifeboat = new ChildLifeboat(repo, passwordFile, dir);
    }

    @Test
    void twoBackupsAtOnceBothSucceedAndResticChecksTheResult() throws Exception {
        byte[] shared = randomBytes(3 << 20);
        Path first = corpus("first", 6, 2 << 20, shared);
        Path second = corpus("second", 6, 2 << 20, shared);

        Process one = lifeboat.start("backup", "--pack-size", "4", first.toString());
        Process two = lifeboat.start("backup", "--pack-size", "4", second.toString());

        assertThat(one.waitFor(2, TimeUnit.MINUTES) && two.waitFor(2, TimeUnit.MINUTES))
                .isTrue();
        assertThat(one.exitValue()).as(lifeboat.output()).isZero();
        assertThat(two.exitValue()).as(lifeboat.output()).isZero();
        assertThat(ResticRunner.run(repo, "snapshots")).contains("2 snapshots");
        assertThat(repo.resolve("locks")).isEmptyDirectory();
        ResticRunner.assertChecksClean(repo, "--read-data");
    }

    @Test
    void pruneDuringABackupExits11AndNamesTheBackupProcess() throws Exception {
        Path photos = corpus("photos", 12, 4 << 20, new byte[0]);
        Process backup = lifeboat.start("backup", photos.toString());
        while (isEmpty(repo.resolve("locks"))) {
            assertThat(backup.isAlive()).as(lifeboat.output()).isTrue();
            Thread.sleep(5);
        }

        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {"prune", "-r", repo.toString(), "--password-file", passwordFile.toString()},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isEqualTo(11);
        assertThat(err.toString())
                .contains("locked non-exclusively by PID " + backup.pid())
                .doesNotContain("Exception");
        assertThat(backup.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(backup.exitValue())
                .as("the backup does not notice the refused prune")
                .isZero();
        ResticRunner.assertChecksClean(repo);
    }

    private Path corpus(String name, int files, int size, byte[] sharedContent) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < files; i++) {
            Files.write(folder.resolve(name + "-" + i + ".bin"), randomBytes(size));
        }
        Files.write(folder.resolve("shared.bin"), sharedContent);
        return folder;
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.noneMatch(entry -> entry.getFileName().toString().matches("[0-9a-f]{64}"));
        }
    }
}
