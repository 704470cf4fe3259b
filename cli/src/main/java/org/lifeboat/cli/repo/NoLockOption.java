package org.lifeboat.cli.repo;

import java.io.IOException;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.lock.LockNotWritableException;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.lock.Locker;
import picocli.CommandLine.Option;

/**
 * restic's {@code --no-lock}, for the commands that only read a repository; use with {@code @Mixin}. Without it they
 * lock as usual, and a repository on read-only storage, where no lock file can be written, gets a hint to use it.
 */
public final class NoLockOption {
    @Option(
            names = "--no-lock",
            description = "Read the repository without locking it, for one on read-only storage (a prune running"
                    + " at the same time can make this command fail).")
    private boolean noLock;

    /** {@link RepositoryOptions#lockShared(Repository, Locker.Preparation)}, or just the preparation with --no-lock. */
    public <T> Locked<T> lockShared(RepositoryOptions options, Repository repository, Locker.Preparation<T> preparation)
            throws IOException {
        return noLock ? Locked.unlocked(preparation) : hinted(() -> options.lockShared(repository, preparation));
    }

    /** {@link RepositoryOptions#lockExclusive(Repository, Locker.Preparation)}, or the preparation with --no-lock. */
    public <T> Locked<T> lockExclusive(
            RepositoryOptions options, Repository repository, Locker.Preparation<T> preparation) throws IOException {
        return noLock ? Locked.unlocked(preparation) : hinted(() -> options.lockExclusive(repository, preparation));
    }

    @FunctionalInterface
    private interface Locking<T> {
        Locked<T> lock() throws IOException;
    }

    private static <T> Locked<T> hinted(Locking<T> locking) throws IOException {
        try {
            return locking.lock();
        } catch (LockNotWritableException e) {
            throw withHint(e);
        }
    }

    private static UserFacingException withHint(LockNotWritableException e) {
        return new UserFacingException(
                ExitCode.FATAL, e.getMessage() + "; to read a repository on read-only storage, add --no-lock", e);
    }
}
