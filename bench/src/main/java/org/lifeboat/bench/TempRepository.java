package org.lifeboat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.crypto.ScryptParams;

/** A fresh repository in a temporary folder; the cheapest scrypt cost, since key derivation is not measured. */
final class TempRepository {
    private static final ScryptParams CHEAP_KDF = new ScryptParams(1024, 1, 1);

    private TempRepository() {}

    static Repository create(Path folder) throws IOException {
        return Repository.init(
                new LocalBackend(folder), Password.of("bench"), CHEAP_KDF, RepositorySettings.defaults());
    }

    /** Removes a folder tree; the backend made its files read-only, which does not stop the owner deleting them. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
