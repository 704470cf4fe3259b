package org.lifeboat.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.crypto.ScryptParams;

/** Small, fast repositories for tests: cheap scrypt (restic 0.14 accepts N = 1024) and small packs. */
public final class TestRepositories {
    public static final Password PASSWORD = Password.of("test-password");
    public static final ScryptParams FAST_SCRYPT = new ScryptParams(1024, 8, 1);

    private TestRepositories() {}

    public static RepositorySettings settings() {
        return RepositorySettings.defaults().withPackSize(256 * 1024);
    }

    public static Repository init(Path directory) throws IOException {
        return Repository.init(new LocalBackend(directory), PASSWORD, FAST_SCRYPT, settings());
    }

    public static Repository open(Path directory) throws IOException {
        return Repository.open(new LocalBackend(directory), PASSWORD, settings());
    }

    /**
     * A new repository holding thirty random 20 kB data blobs (several packs), indexed by two flushes of fifteen;
     * adds the blobs' contents to {@code contents} and returns the index files written.
     */
    public static List<Id> initWithThirtyBlobs(Path directory, List<byte[]> contents) throws IOException {
        List<Id> indexFiles = new ArrayList<>();
        try (Repository repository = init(directory)) {
            for (int i = 0; i < 30; i++) {
                byte[] content = new byte[20_000];
                new Random(i).nextBytes(content);
                contents.add(content);
                repository.saveBlob(BlobType.DATA, content);
                if (i == 14 || i == 29) {
                    indexFiles.addAll(repository.flush());
                }
            }
        }
        return indexFiles;
    }

    /** The pack files of the repository in {@code directory}, sorted. */
    public static List<Path> packFiles(Path directory) throws IOException {
        try (var files = Files.walk(directory.resolve("data"))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
