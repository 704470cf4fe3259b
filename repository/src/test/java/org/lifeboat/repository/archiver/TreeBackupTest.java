package org.lifeboat.repository.archiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.crypto.ScryptParams;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.tree.ByteString;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.walker.TreeLoader;

class TreeBackupTest {
    private static final Instant MTIME = Instant.ofEpochSecond(1_700_000_000);

    @TempDir
    Path temp;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final AtomicInteger opens = new AtomicInteger();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void unchangedFilesAreReusedWithoutOpeningThemAndFailedReadsAreReported() throws IOException {
        try (Repository repository = Repository.init(
                new LocalBackend(temp),
                Password.of("pw"),
                new ScryptParams(1024, 8, 1),
                RepositorySettings.defaults())) {
            BackupResult first = backup(repository, Optional.empty(), "photo", "hello");
            BackupResult second = backup(repository, Optional.of(first.snapshot()), "photo", "hello");
            BackupResult third = backup(repository, Optional.of(second.snapshot()), "broken", "x");

            assertThat(first.summary().filesNew()).isEqualTo(2);
            // The report's mtime moved but its bytes did not: it is read again, found identical and kept as it was.
            assertThat(second.summary().filesUnmodified()).isEqualTo(2);
            assertThat(second.summary().filesChanged()).isZero();
            assertThat(second.snapshot().snapshot().tree())
                    .isEqualTo(first.snapshot().snapshot().tree());
            // Two files the first time, only the report with a new mtime the second time, the broken file the third.
            assertThat(opens).hasValue(4);
            assertThat(second.snapshot().snapshot().tags()).containsExactly("phone", "extra");
            assertThat(third.errors()).extracting(e -> e.path().toString()).containsExactly("/files/broken");
            assertThat(third.summary().totalFilesProcessed()).isZero();
        }
    }

    @Test
    void generatedDirectoriesWithUnchangedContentsKeepTheirTimesAndFoundOnesTakeTheirNewOnes() throws IOException {
        try (Repository repository = Repository.init(
                new LocalBackend(temp),
                Password.of("pw"),
                new ScryptParams(1024, 8, 1),
                RepositorySettings.defaults())) {
            Instant firstRun = MTIME;
            Instant secondRun = MTIME.plusSeconds(3600);
            Instant thirdRun = MTIME.plusSeconds(7200);
            SavedSnapshot firstSnapshot = backupExport(repository, Optional.empty(), firstRun, "same");
            SavedSnapshot secondSnapshot = backupExport(repository, Optional.of(firstSnapshot), secondRun, "same");
            SavedSnapshot thirdSnapshot = backupExport(repository, Optional.of(secondSnapshot), thirdRun, "changed");
            TreeLoader trees = new TreeLoader(repository);
            Tree first = trees.load(firstSnapshot.snapshot().tree());
            Tree second = trees.load(secondSnapshot.snapshot().tree());
            Tree third = trees.load(thirdSnapshot.snapshot().tree());

            // Nothing in the export changed: its node, with the nested generated folder, is the first run's.
            assertThat(node(second, "contacts")).isEqualTo(node(first, "contacts"));
            assertThat(node(second, "contacts").mtime().toInstant()).isEqualTo(firstRun);
            // A directory found on the source keeps what the source says, even when only its mtime moved.
            assertThat(node(second, "files").subtree())
                    .isEqualTo(node(first, "files").subtree());
            assertThat(node(second, "files").mtime().toInstant()).isEqualTo(secondRun);
            // A changed export is dated by the backup that changed it, up to the root of the export.
            assertThat(node(third, "contacts").subtree())
                    .isNotEqualTo(node(first, "contacts").subtree());
            assertThat(node(third, "contacts").mtime().toInstant()).isEqualTo(thirdRun);
        }
    }

    /**
     * Backs up a generated {@code contacts} folder (a file and a nested generated folder, all dated {@code backupTime})
     * next to a found {@code files} folder whose mtime is also {@code backupTime}.
     */
    private SavedSnapshot backupExport(
            Repository repository, Optional<SavedSnapshot> parent, Instant backupTime, String text) throws IOException {
        ArchiverOptions options = ArchiverOptions.of(List.of(), List.of(), "phone-host", workers);
        TreeBackup backup = TreeBackup.start(repository, options, parent, BackupListener.NONE, 2);
        byte[] vcard = text.getBytes(StandardCharsets.UTF_8);
        SourceDirectory contacts = SourceDirectory.generated(
                "contacts",
                backupTime,
                List.of(
                        SourceFile.ofBytes("contacts.vcf", vcard, backupTime),
                        SourceDirectory.generated(
                                "photos", backupTime, List.of(SourceFile.ofBytes("1.jpg", vcard, backupTime)))));
        SourceDirectory files = SourceDirectory.of(
                "files", backupTime, List.of(SourceFile.ofBytes("photo.jpg", new byte[] {1, 2, 3}, MTIME)));
        List<Node> nodes =
                List.of(backup.save(contacts).orElseThrow(), backup.save(files).orElseThrow());
        return backup.commit(nodes, List.of("/contacts", "/files"), List.of()).snapshot();
    }

    private static Node node(Tree tree, String name) {
        return tree.find(ByteString.utf8(name)).orElseThrow();
    }

    /** A folder with a file that keeps its mtime and a generated one whose mtime moves on every backup. */
    private BackupResult backup(Repository repository, Optional<SavedSnapshot> parent, String name, String text)
            throws IOException {
        ArchiverOptions options = ArchiverOptions.of(List.of(), List.of("phone"), "phone-host", workers);
        TreeBackup backup = TreeBackup.start(repository, options, parent, BackupListener.NONE, 2);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        FileContent content = name.equals("broken")
                ? () -> {
                    opens.incrementAndGet();
                    throw new IOException("the phone refused");
                }
                : () -> {
                    opens.incrementAndGet();
                    return FileContent.of(bytes).open();
                };
        List<SourceEntry> children = new ArrayList<>();
        children.add(new SourceFile(ByteString.utf8(name), bytes.length, MTIME, 0644, content));
        if (!name.equals("broken")) {
            Instant now = MTIME.plusSeconds(parent.isPresent() ? 60 : 0);
            children.add(new SourceFile(ByteString.utf8("report.json"), 2, now, 0644, () -> {
                opens.incrementAndGet();
                return FileContent.of("{}".getBytes(StandardCharsets.UTF_8)).open();
            }));
        }
        Node files = backup.save(SourceDirectory.of("files", MTIME, children)).orElseThrow();
        return backup.commit(List.of(files), List.of("/files"), List.of("extra"));
    }
}
