package org.lifeboat.repository.lock;

import java.io.IOException;

/**
 * A held lock and what its command prepared while the lock settled ({@link Locker#lockShared(Locker.Preparation)});
 * closing it releases the lock.
 */
public record Locked<T>(RepositoryLock lock, T prepared) implements AutoCloseable {
    @Override
    public void close() throws IOException {
        lock.close();
    }
}
