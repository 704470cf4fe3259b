package org.lifeboat.cli.repo;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.crypto.ScryptParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lifeboat init}: creates a restic-format (v2) repository that restic itself can open. */
@Command(
        name = "init",
        description = "Create a new repository (restic format v2, readable by restic 0.14 and later).",
        mixinStandardHelpOptions = true)
public final class InitCommand implements Callable<Integer> {
    /** restic's calibration target for one key derivation. */
    static final Duration KDF_TARGET = Duration.ofMillis(500);

    @Mixin
    RepositoryOptions repositoryOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var password = repositoryOptions.newRepositoryPassword();
        ScryptParams params = ScryptParams.calibrate(KDF_TARGET, System::nanoTime);
        try (Repository repository =
                Repository.init(repositoryOptions.backend(), password, params, repositoryOptions.settings())) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "created repository %s at %s%n%nPlease note that knowledge of your password is required"
                                    + " to access the repository.%nLosing your password means that your data is"
                                    + " irrecoverably lost.%n",
                            repository.config().id().substring(0, 10),
                            repository.backend().location());
        }
        return 0;
    }
}
