package org.lifeboat.cli.repo;

import java.io.IOException;
import java.nio.file.Path;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.crypto.ScryptParams;

/** Repositories for command tests: restic's smallest accepted scrypt cost (N = 1024), so opening them is instant. */
final class FastRepository {
    private FastRepository() {}

    static void init(Path repository, String password) throws IOException {
        Repository.init(
                        new LocalBackend(repository),
                        Password.of(password),
                        new ScryptParams(1024, 8, 1),
                        RepositorySettings.defaults())
                .close();
    }
}
