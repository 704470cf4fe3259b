package org.lifeboat.repository.lock;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.RepositoryLockedException;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A held lock. It rewrites its lock file every refresh interval so that others do not consider it stale, and
 * deletes it on {@link #close()}.
 */
public final class RepositoryLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RepositoryLock.class);

    private final Locker locker;
    private final boolean exclusive;
    private final Clock clock;
    private final Duration maxTimeWithoutRefresh;
    private final ScheduledFuture<?> refresher;
    private volatile Id lockId;
    private volatile Instant lastRefresh;
    private volatile boolean released;

    RepositoryLock(
            Locker locker,
            Id lockId,
            boolean exclusive,
            Clock clock,
            LockSettings settings,
            ScheduledExecutorService scheduler) {
        this.locker = locker;
        this.lockId = lockId;
        this.exclusive = exclusive;
        this.clock = clock;
        this.maxTimeWithoutRefresh = settings.maxTimeWithoutRefresh();
        this.lastRefresh = clock.instant();
        long interval = settings.refreshInterval().toMillis();
        this.refresher = scheduler.scheduleWithFixedDelay(this::refresh, interval, interval, TimeUnit.MILLISECONDS);
    }

    public boolean isExclusive() {
        return exclusive;
    }

    /** The current lock file (it changes with every refresh). */
    public Id lockId() {
        return lockId;
    }

    /**
     * Fails if the lock could not be refreshed for so long that another process may have removed it as stale. Call
     * before an irreversible step, such as saving a snapshot or deleting packs.
     */
    public void checkStillHeld() throws RepositoryLockedException {
        Duration sinceRefresh = Duration.between(lastRefresh, clock.instant());
        if (released || sinceRefresh.compareTo(maxTimeWithoutRefresh) > 0) {
            throw new RepositoryLockedException(
                    "our lock was not refreshed for " + sinceRefresh.toMinutes()
                            + " minutes; another process may have removed it, so the operation stops",
                    "this process");
        }
    }

    private synchronized void refresh() {
        if (released) {
            return;
        }
        try {
            Id fresh = locker.writeLockFile(exclusive);
            Id old = lockId;
            lockId = fresh;
            lastRefresh = clock.instant();
            locker.repository().backend().delete(FileHandle.of(FileType.LOCK, old));
        } catch (IOException | RuntimeException e) {
            log.warn("could not refresh the repository lock: {}", e.getMessage());
        }
    }

    /** Stops refreshing and deletes the lock file. */
    @Override
    public synchronized void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        refresher.cancel(false);
        locker.repository().backend().delete(FileHandle.of(FileType.LOCK, lockId));
    }
}
