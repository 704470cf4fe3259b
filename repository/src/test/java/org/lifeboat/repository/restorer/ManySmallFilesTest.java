package org.lifeboat.repository.restorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;
import org.lifeboat.repository.archiver.Archiver;
import org.lifeboat.repository.archiver.ArchiverOptions;
import org.lifeboat.repository.archiver.BackupListener;
import org.lifeboat.repository.archiver.BackupResult;
import org.lifeboat.repository.filter.PathFilter;
import org.lifeboat.repository.walker.SnapshotPath;

/**
 * The corpus item "100,000 small files": empty, one-byte and small files in 100 folders, there and back.
 *
 * <p>File-system bound: about 20 s on an idle 2-core machine, several minutes when other heavy work shares it.
 */
class ManySmallFilesTest {
    private static final int FOLDERS = 100;
    private static final int FILES_PER_FOLDER = 1000;

    @TempDir
    Path temp;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void backsUpAndRestoresAHundredThousandSmallFiles() throws IOException {
        Path corpus = temp.resolve("corpus");
        for (int folder = 0; folder < FOLDERS; folder++) {
            Path directory = Files.createDirectories(corpus.resolve("dir-" + folder));
            for (int file = 0; file < FILES_PER_FOLDER; file++) {
                Files.write(directory.resolve("f" + file), content(folder, file));
            }
        }

        BackupResult backup;
        Path target = temp.resolve("out");
        RestoreResult restore;
        try (Repository repository = TestRepositories.init(temp.resolve("repo"))) {
            ArchiverOptions options = ArchiverOptions.of(List.of(), List.of(), "test-host", workers);
            backup = new Archiver(repository, options).backup(List.of(corpus), Optional.empty(), BackupListener.NONE);
            restore = new Restorer(repository, new RestoreOptions(PathFilter.NONE, PathFilter.NONE, workers))
                    .restore(backup.snapshot().snapshot().tree(), SnapshotPath.ROOT, target);
        }

        int total = FOLDERS * FILES_PER_FOLDER;
        assertThat(backup.errors()).isEmpty();
        assertThat(backup.summary().filesNew()).isEqualTo(total);
        assertThat(restore.isComplete()).as("%s", restore.failures()).isTrue();
        assertThat(restore.filesRestored()).isEqualTo(total);
        Path restored = target.resolve(Path.of("/").relativize(corpus));
        try (Stream<Path> files = Files.walk(restored)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(total);
        }
        for (int folder = 0; folder < FOLDERS; folder += 7) {
            for (int file = folder % 10; file < FILES_PER_FOLDER; file += 97) {
                assertThat(restored.resolve("dir-" + folder).resolve("f" + file))
                        .hasBinaryContent(content(folder, file));
            }
        }
    }

    /** A third empty, a third one byte, a third a short line; many identical, as on a real phone. */
    private static byte[] content(int folder, int file) {
        return switch (file % 3) {
            case 0 -> new byte[0];
            case 1 -> new byte[] {(byte) file};
            default -> ("small file " + folder + "/" + file + "\n").getBytes(StandardCharsets.UTF_8);
        };
    }
}
