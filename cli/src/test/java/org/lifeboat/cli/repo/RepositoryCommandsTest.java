package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.cli.Main;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.lock.LockSettings;
import org.lifeboat.repository.lock.Locker;
import org.lifeboat.repository.lock.RepositoryLock;

/** The repository commands end to end through {@link Main}, with the exit codes scripts rely on. */
class RepositoryCommandsTest {
    @TempDir
    Path dir;

    private Path repo;
    private Path passwordFile;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void createPasswordFile() throws IOException {
        repo = dir.resolve("repo");
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "secret\n");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private int runWithRepo(String... args) {
        String[] full = Stream.concat(
                        Stream.of(args), Stream.of("-r", repo.toString(), "--password-file", passwordFile.toString()))
                .toArray(String[]::new);
        return run(full);
    }

    @Test
    void initCreatesARepositoryAndCheckFindsNoErrors() {
        assertThat(runWithRepo("init")).isZero();
        assertThat(out.toString()).contains("created repository").contains(repo.toString());
        assertThat(repo.resolve("config")).isRegularFile();

        assertThat(runWithRepo("check", "--read-data")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("no errors were found");
        assertThat(runWithRepo("init")).isEqualTo(1);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void theRepositoryAndPasswordMayComeBeforeTheCommandAsWithRestic() throws IOException {
        String[] before = {"-r", repo.toString(), "--password-file", passwordFile.toString()};
        assertThat(run(Stream.concat(Stream.of(before), Stream.of("init")).toArray(String[]::new)))
                .as(err.toString())
                .isZero();
        assertThat(repo.resolve("config")).isRegularFile();

        assertThat(run("--repo=" + repo, "--password-file=" + passwordFile, "snapshots"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("0 snapshots");

        Path elsewhere = dir.resolve("elsewhere");
        assertThat(run(
                        "-r",
                        elsewhere.toString(),
                        "snapshots",
                        "-r",
                        repo.toString(),
                        "--password-file",
                        passwordFile.toString()))
                .as("the option after the command's name wins")
                .isZero();
        assertThat(elsewhere).doesNotExist();

        assertThat(run("-r", repo.toString(), "help", "snapshots")).isZero();
        assertThat(run("-r", repo.toString(), "demo", "--help"))
                .as("a command without a repository does not silently ignore one")
                .isEqualTo(2);
        assertThat(err.toString()).contains("--repo names a repository, and 'lifeboat demo' does not use one");

        Files.writeString(passwordFile, "not the password");
        assertThat(run(Stream.concat(Stream.of(before), Stream.of("check")).toArray(String[]::new)))
                .isEqualTo(12);
    }

    @Test
    void aRepositoryWhereNoLockCanBeWrittenIsStillReadableWithNoLock() throws IOException {
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("photo.jpg"), "pixels");
        runWithRepo("init");
        assertThat(runWithRepo("backup", source.toString())).as(err.toString()).isZero();
        // Read-only storage, as far as locks go, even for root: no lock file can be created under a regular file.
        Files.delete(repo.resolve("locks"));
        Files.writeString(repo.resolve("locks"), "");

        assertThat(runWithRepo("snapshots")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot write a lock file").contains("add --no-lock");
        assertThat(runWithRepo("backup", source.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot write a lock file").doesNotContain("Exception");

        assertThat(runWithRepo("snapshots", "--no-lock")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 snapshot\n");
        assertThat(runWithRepo("ls", "latest", "--no-lock")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("photo.jpg");
        assertThat(runWithRepo("dump", "latest", source.resolve("photo.jpg").toString(), "--no-lock"))
                .as(err.toString())
                .isZero();
        assertThat(runWithRepo("check", "--read-data", "--no-lock"))
                .as(err.toString())
                .isZero();
        Path target = dir.resolve("restored");
        assertThat(runWithRepo("restore", "latest", "--target", target.toString(), "--no-lock"))
                .as(err.toString())
                .isZero();
        assertThat(target.resolve(Path.of("/").relativize(source)).resolve("photo.jpg"))
                .hasContent("pixels");
    }

    @Test
    void wrongPasswordExits12AndMissingRepositoryExits10() throws IOException {
        assertThat(run("check", "-r", dir.resolve("nowhere").toString(), "--password-file", passwordFile.toString()))
                .isEqualTo(10);
        assertThat(err.toString()).contains("there is no repository at");

        runWithRepo("init");
        Files.writeString(passwordFile, "not the password");
        assertThat(runWithRepo("check")).isEqualTo(12);
        assertThat(err.toString()).contains("wrong password").doesNotContain("Exception");
    }

    @Test
    void withoutAnyPasswordSourceAndNoTerminalTheCommandFails() {
        assertThat(run("check", "-r", repo.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no password given").contains("--password-file");
    }

    @Test
    void lockedRepositoryExits11AndNamesTheHolder() throws IOException {
        runWithRepo("init");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Repository repository = openDirectly();
                RepositoryLock lock = new Locker(
                                repository,
                                scheduler,
                                new LockSettings(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(30)))
                        .lockExclusive()) {
            assertThat(runWithRepo("prune")).isEqualTo(11);
            assertThat(err.toString())
                    .contains("locked exclusively by PID "
                            + ProcessHandle.current().pid());
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(runWithRepo("unlock")).isZero();
    }

    @Test
    void keysCanBeAddedListedChangedAndRemoved() throws IOException {
        runWithRepo("init");
        Path second = dir.resolve("second");
        Files.writeString(second, "another secret");

        assertThat(runWithRepo("key", "add", "--new-password-file", second.toString()))
                .as(err.toString())
                .isZero();
        String addedId = out.toString()
                .replaceAll("(?s).*saved new key as (\\w+).*", "$1")
                .strip();
        assertThat(runWithRepo("key", "list")).isZero();
        assertThat(out.toString().lines().filter(line -> line.startsWith("*"))).hasSize(1);
        assertThat(out.toString()).contains(addedId);

        assertThat(runWithRepo("key", "remove", addedId)).as(err.toString()).isZero();
        Path third = dir.resolve("third");
        Files.writeString(third, "third secret");
        assertThat(runWithRepo("key", "passwd", "--new-password-file", third.toString()))
                .isZero();
        assertThat(runWithRepo("check")).isEqualTo(12);
        Files.writeString(passwordFile, "third secret");
        assertThat(runWithRepo("check")).isZero();
    }

    @Test
    void checkNamesADamagedPackAndExits1() throws IOException {
        runWithRepo("init");
        try (Repository repository = openDirectly()) {
            repository.saveBlob(BlobType.DATA, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            repository.flush();
        }
        Path pack;
        try (Stream<Path> files = Files.walk(repo.resolve("data"))) {
            pack = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        pack.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(pack);
        bytes[20] ^= 1;
        Files.write(pack, bytes);

        assertThat(runWithRepo("check")).as("headers are intact").isZero();
        assertThat(runWithRepo("check", "--read-data-subset", "100%")).isEqualTo(1);
        assertThat(out.toString()).contains(pack.getFileName().toString());
        assertThat(err.toString()).contains("contains errors");
        assertThat(runWithRepo("check", "--read-data-subset", "150%")).isEqualTo(2);
    }

    @Test
    void pruneRemovesDataNoSnapshotUses() throws IOException {
        runWithRepo("init");
        try (Repository repository = openDirectly()) {
            repository.saveBlob(BlobType.DATA, "unreferenced".getBytes());
            repository.flush();
        }

        assertThat(runWithRepo("prune", "--dry-run")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 to delete").contains("dry run");
        assertThat(runWithRepo("prune")).isZero();
        try (Stream<Path> files = Files.walk(repo.resolve("data"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(runWithRepo("check", "--read-data")).isZero();
    }

    private Repository openDirectly() throws IOException {
        return Repository.open(new LocalBackend(repo), Password.of("secret"), RepositorySettings.defaults());
    }
}
