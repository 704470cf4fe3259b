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
