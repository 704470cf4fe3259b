package org.lifeboat.repository.lock;

import java.io.IOException;
import java.util.Objects;

/**
 * What a command prepared while its new lock settled ({@link Locker#lockShared(Locker.Preparation)}), and that lock;
 * closing it releases the lock. A command that only reads may also run {@link #unlocked} (restic's {@code --no-lock}).
 */
public final class Locked<T> implements AutoCloseable {
    private final RepositoryLock lock;
    private final T prepared;

    Locked(RepositoryLock lock, T prepared) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.prepared = prepared;
    }

    private Locked(T prepared) {
        this.lock = null;
        this.prepared = prepared;
    }

    /** {@code prepared}, read without any lock: a prune running meanwhile may make what follows fail. */
    public static <T> Locked<T> unlocked(Locker.Preparation<T> preparation) throws IOException {
        return new Locked<>(preparation.prepare());
    }

    public T prepared() {
        return prepared;
    }

    /**
     * The lock held.
     *
     * @throws IllegalStateException if this was made {@link #unlocked}
     */
    public RepositoryLock lock() {
        if (lock == null) {
            throw new IllegalStateException("the repository was read without a lock");
        }
        return lock;
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.close();
        }
    }
}
