package org.lifeboat.repository;

import java.io.IOException;
import java.nio.file.Path;
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
}
