package org.lifeboat.repository.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;
import org.lifeboat.repository.WrongPasswordException;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.checker.CheckReport;
import org.lifeboat.repository.checker.Checker;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.key.KeyStore;
import org.lifeboat.testkit.RequiresTool;

/** restic 0.14 as the oracle: it opens what we write, and we open what it writes. */
@RequiresTool("restic")
class ResticInteropTest {
    private static final String PASSWORD = "test-password";

    @TempDir
    Path dir;

    @Test
    void resticOpensAndChecksARepositoryWeInitialised() throws Exception {
        Path repo = dir.resolve("repo");
        TestRepositories.init(repo).close();
        Restic restic = new Restic(repo, PASSWORD);

        assertThat(restic.ok("snapshots", "--json")).isEqualToIgnoringWhitespace("[]");
        assertThat(restic.ok("check")).contains("no errors were found");
        assertThat(restic.ok("key", "list")).contains("*");
    }

    @Test
    void weOpenARepositoryResticInitialisedAndResticReadsOurKey() throws Exception {
        Path repo = dir.resolve("repo");
        Restic restic = new Restic(repo, PASSWORD);
        restic.ok("init");

        try (Repository repository = TestRepositories.open(repo)) {
            assertThat(repository.config().version()).isEqualTo(2);
            assertThat(repository.config().chunkerPolynomial().isIrreducible()).isTrue();
            assertThat(restic.ok("cat", "config")).contains(repository.config().id());
            new KeyStore(
                            repository.backend(),
                            repository.settings().random(),
                            repository.settings().clock(),
                            repository.settings().identity())
                    .add(repository.masterKey(), Password.of("second"), TestRepositories.FAST_SCRYPT);
        }
        assertThatThrownBy(() ->
                        Repository.open(new LocalBackend(repo), Password.of("wrong"), TestRepositories.settings()))
                .isInstanceOf(WrongPasswordException.class);
        assertThat(new Restic(repo, "second").ok("snapshots", "--json")).isEqualToIgnoringWhitespace("[]");
    }

    @Test
    void resticReadsBlobsIndexAndSnapshotWeWrote() throws Exception {
        Path repo = dir.resolve("repo");
        byte[] content = new byte[700_000];
        new Random(5).nextBytes(content);
        System.arraycopy("compressible ".repeat(20_000).getBytes(StandardCharsets.UTF_8), 0, content, 0, 260_000);
        try (Repository repository = TestRepositories.init(repo)) {
            // Two chunks, as a chunker would cut them; a hand-made tree and snapshot refer to them.
            Id first = repository.saveBlob(BlobType.DATA, java.util.Arrays.copyOfRange(content, 0, 300_000));
            Id second =
                    repository.saveBlob(BlobType.DATA, java.util.Arrays.copyOfRange(content, 300_000, content.length));
            String tree = "{\"nodes\":[{\"name\":\"file.bin\",\"type\":\"file\",\"mode\":420,"
                    + "\"mtime\":\"2026-01-02T03:04:05Z\",\"atime\":\"2026-01-02T03:04:05Z\","
                    + "\"ctime\":\"2026-01-02T03:04:05Z\",\"uid\":0,\"gid\":0,\"size\":" + content.length
                    + ",\"links\":1,\"content\":[\"" + first + "\",\"" + second + "\"]}]}\n";
            Id treeId = repository.saveBlob(BlobType.TREE, tree.getBytes(StandardCharsets.UTF_8));
            repository.flush();
            String snapshot = "{\"time\":\"2026-01-02T03:04:05Z\",\"tree\":\"" + treeId
                    + "\",\"paths\":[\"/data\"],\"hostname\":\"vm\",\"username\":\"root\"}";
            repository.saveUnpacked(FileType.SNAPSHOT, snapshot.getBytes(StandardCharsets.UTF_8));
        }
        Restic restic = new Restic(repo, PASSWORD);

        String check = restic.ok("check", "--read-data");
        assertThat(check)
                .contains("no errors were found")
                .doesNotContain("orphaned")
                .doesNotContain("Mixed");
        Path dumped = dir.resolve("dumped.bin");
        Files.write(dumped, restic.ok("dump", "latest", "/file.bin").getBytes(StandardCharsets.ISO_8859_1));
        restic.ok("restore", "latest", "--target", dir.resolve("restored").toString());
        assertThat(dir.resolve("restored/file.bin")).hasBinaryContent(content);
        restic.ok("rebuild-index");
        assertThat(restic.ok("check", "--read-data")).contains("no errors were found");
    }

    @Test
    void weReadAndVerifyEverythingResticBackedUp() throws Exception {
        Path repo = dir.resolve("repo");
        Path source = dir.resolve("source");
        Files.createDirectories(source.resolve("sub"));
        byte[] big = new byte[3_000_000];
        new Random(9).nextBytes(big);
        Files.write(source.resolve("big.bin"), big);
        Files.writeString(source.resolve("sub/text.txt"), "hello restic\n".repeat(1000));
        Restic restic = new Restic(repo, PASSWORD);
        restic.ok("init");
        restic.ok("backup", source.toString());

        try (Repository repository = TestRepositories.open(repo)) {
            assertThat(repository.list(FileType.SNAPSHOT)).hasSize(1);
            CheckReport report = new Checker(repository).check(new Checker.DataCheck.All());
            assertThat(report.problems()).isEmpty();
            assertThat(report.blobsRead()).isGreaterThanOrEqualTo(4);
            Id snapshotId = repository.list(FileType.SNAPSHOT).getFirst();
            assertThat(new String(repository.loadUnpacked(FileType.SNAPSHOT, snapshotId), StandardCharsets.UTF_8))
                    .contains("\"tree\":");
        }
    }

    @Test
    void resticChecksAfterWeAppendToItsRepository() throws Exception {
        Path repo = dir.resolve("repo");
        Restic restic = new Restic(repo, PASSWORD);
        restic.ok("init");
        try (Repository repository = TestRepositories.open(repo)) {
            repository.saveBlob(BlobType.DATA, "orphan but indexed".getBytes(StandardCharsets.UTF_8));
            repository.flush();
        }
        assertThat(restic.ok("check", "--read-data")).contains("no errors were found");
        assertThat(restic.ok("list", "blobs")).contains("data ");
    }

    @Test
    void ourExclusiveLockStopsResticAndResticUnlockRemovesOurStaleLock() throws Exception {
        Path repo = dir.resolve("repo");
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("a.txt"), "a");
        Restic restic = new Restic(repo, PASSWORD);
        java.util.concurrent.ScheduledExecutorService scheduler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try (Repository repository = TestRepositories.init(repo)) {
            org.lifeboat.repository.lock.Locker locker = new org.lifeboat.repository.lock.Locker(
                    repository, scheduler, org.lifeboat.repository.lock.LockSettings.RESTIC);
            try (var lock = locker.lockExclusive()) {
                Restic.Result blocked = restic.run("backup", source.toString());
                assertThat(blocked.exitCode()).isNotZero();
                assertThat(blocked.output()).contains("locked exclusively");
            }
            // A lock from a process on another host, written an hour ago, is stale for restic too.
            repository.saveUnpacked(
                    FileType.LOCK,
                    ("{\"time\":\"" + java.time.Instant.now().minusSeconds(3600)
                                    + "\",\"exclusive\":true,\"hostname\":\"elsewhere\",\"username\":\"bob\",\"pid\":1}")
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(locker.list()).singleElement().satisfies(lock -> assertThat(lock.stale())
                    .isTrue());
        } finally {
            scheduler.shutdownNow();
        }
        restic.ok("unlock");
        assertThat(repo.resolve("locks")).isEmptyDirectory();
        restic.ok("backup", source.toString());
    }
}
