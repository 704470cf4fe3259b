package org.lifeboat.cli.repo;

import java.util.Optional;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.repository.RepositoryLockedException;
import org.lifeboat.repository.RepositoryNotFoundException;
import org.lifeboat.repository.WrongPasswordException;

/** The exit codes restic scripts expect for repository failures that escape a command. */
public final class RepositoryExitCodes {
    private RepositoryExitCodes() {}

    public static Optional<ExitCode> of(Throwable failure) {
        return switch (failure) {
            case RepositoryNotFoundException e -> Optional.of(ExitCode.REPOSITORY_DOES_NOT_EXIST);
            case RepositoryLockedException e -> Optional.of(ExitCode.REPOSITORY_LOCKED);
            case WrongPasswordException e -> Optional.of(ExitCode.WRONG_PASSWORD);
            default -> Optional.empty();
        };
    }
}
