package org.lifeboat.repository.lock;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileSystemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.HostIdentity;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositoryLockedException;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * restic's lock protocol: list locks, refuse on conflict, write ours, wait, check again.
 *
 * <p>Backups take shared locks (they coexist with each other, restic's too); prune and check take exclusive ones.
 * Stale locks still block, as in restic: only {@link #removeStaleLocks()} ({@code unlock}) removes them.
 */
public final class Locker {
    private static final Logger log = LoggerFactory.getLogger(Locker.class);

    private final Repository repository;
    private final ScheduledExecutorService scheduler;
    private final LockSettings settings;
    private final Clock clock;
    private final HostIdentity identity;

    public Locker(Repository repository, ScheduledExecutorService scheduler, LockSettings settings) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = repository.settings().clock();
        this.identity = repository.settings().identity();
    }

    /** A lock that coexists with other shared locks (backup, restore, snapshots). */
    public RepositoryLock lockShared() throws IOException {
        return lock(false, NOTHING).lock();
    }

    /**
     * A shared lock, with {@code preparation} run while the new lock settles. restic's protocol waits (200 ms) after
     * writing a lock before it checks again for a competitor's; a command can spend that wait reading what it needs,
     * such as its snapshot and the index, instead of sleeping through it.
     *
     * <p>The preparation must only read: the lock is not confirmed while it runs. Its result is handed over only once
     * the lock is. If a competitor's lock turns up, that conflict is thrown, whatever the preparation returned or
     * threw (a prune that started meanwhile explains a missing file better than the missing file does).
     */
    public <T> Locked<T> lockShared(Preparation<T> preparation) throws IOException {
        return lock(false, preparation);
    }

    /** A lock that excludes every other lock (prune, check, forget). */
    public RepositoryLock lockExclusive() throws IOException {
        return lock(true, NOTHING).lock();
    }

    /** An exclusive lock, with {@code preparation} run while it settles, as {@link #lockShared(Preparation)}. */
    public <T> Locked<T> lockExclusive(Preparation<T> preparation) throws IOException {
        return lock(true, preparation);
    }

    /** Read-only work to do while a new lock settles. */
    @FunctionalInterface
    public interface Preparation<T> {
        T prepare() throws IOException;
    }

    private static final Preparation<Void> NOTHING = () -> null;

    private <T> Locked<T> lock(boolean exclusive, Preparation<T> preparation) throws IOException {
        throwIfConflicting(exclusive, null);
        Id ours;
        try {
            ours = writeLockFile(exclusive);
        } catch (FileSystemException e) {
            throw new LockNotWritableException(repository.backend().location(), e);
        }
        Instant written = clock.instant();
        Instant settled = written.plus(settings.settleDelay());
        try {
            T prepared;
            try {
                prepared = preparation.prepare();
            } catch (IOException | RuntimeException e) {
                try {
                    settleThenCheck(exclusive, ours, settled);
                } catch (IOException | RuntimeException lockProblem) {
                    lockProblem.addSuppressed(e);
                    throw lockProblem;
                }
                throw e;
            }
            Duration preparing = Duration.between(written, clock.instant());
            settleThenCheck(exclusive, ours, settled);
            log.debug(
                    "{} lock {} held; the command prepared for {} ms while it settled ({} ms)",
                    exclusive ? "exclusive" : "shared",
                    ours.toShortString(),
                    preparing.toMillis(),
                    settings.settleDelay().toMillis());
            return new Locked<>(new RepositoryLock(this, ours, exclusive, clock, settings, scheduler), prepared);
        } catch (IOException | RuntimeException | Error e) {
            try {
                repository.backend().delete(FileHandle.of(FileType.LOCK, ours));
            } catch (IOException | RuntimeException deleteFailure) {
                e.addSuppressed(deleteFailure);
            }
            throw e;
        }
    }

    /** Waits until {@code settled}, then fails if a conflicting lock appeared meanwhile. */
    private void settleThenCheck(boolean exclusive, Id ours, Instant settled) throws IOException {
        Duration remaining = Duration.between(clock.instant(), settled);
        if (remaining.isPositive()) {
            sleep(remaining);
        }
        throwIfConflicting(exclusive, ours);
    }

    /** Every readable lock file, with its staleness; unreadable ones are skipped as restic 0.14 does. */
    public List<LockFile> list() throws IOException {
        List<LockFile> locks = new ArrayList<>();
        for (Id id : repository.list(FileType.LOCK)) {
            try {
                LockInfo info = LockInfo.fromJson("locks/" + id, repository.loadUnpacked(FileType.LOCK, id));
                locks.add(new LockFile(id, info, isStale(info)));
            } catch (CorruptFileException | java.nio.file.NoSuchFileException e) {
                log.debug("ignoring unreadable lock {}: {}", id, e.getMessage());
            }
        }
        return locks;
    }

    /** Removes stale locks ({@code unlock}); returns how many. */
    public int removeStaleLocks() throws IOException {
        int removed = 0;
        for (LockFile lock : list()) {
            if (lock.stale()) {
                repository.backend().delete(FileHandle.of(FileType.LOCK, lock.id()));
                removed++;
            }
        }
        return removed;
    }

    /** Removes every lock, stale or not ({@code unlock --remove-all}); returns how many. */
    public int removeAllLocks() throws IOException {
        List<Id> all = repository.list(FileType.LOCK);
        for (Id id : all) {
            repository.backend().delete(FileHandle.of(FileType.LOCK, id));
        }
        return all.size();
    }

    /** Stale: older than the limit, or written on this host by a process that no longer runs. */
    boolean isStale(LockInfo info) {
        if (Duration.between(info.time(), clock.instant()).compareTo(settings.staleAfter()) > 0) {
            return true;
        }
        return info.holder().hostname().equals(identity.hostname())
                && ProcessHandle.of(info.holder().pid()).map(p -> !p.isAlive()).orElse(true);
    }

    Repository repository() {
        return repository;
    }

    Id writeLockFile(boolean exclusive) throws IOException {
        Instant now = clock.instant();
        return repository.saveUnpacked(FileType.LOCK, new LockInfo(now, exclusive, identity).toJson());
    }

    private void throwIfConflicting(boolean exclusive, Id ours) throws IOException {
        for (LockFile lock : list()) {
            if (lock.id().equals(ours) || !(exclusive || lock.info().exclusive())) {
                continue;
            }
            LockInfo info = lock.info();
            String kind = info.exclusive() ? "exclusively" : "non-exclusively";
            String message = "repository is already locked " + kind + " by " + info.describeHolder()
                    + ", since " + info.time() + " (lock " + lock.id().toShortString() + ")"
                    + (lock.stale() ? "; the lock is stale, remove it with 'unlock'" : "");
            throw new RepositoryLockedException(message, info.describeHolder());
        }
    }

    private static void sleep(Duration delay) throws InterruptedIOException {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while acquiring the repository lock");
        }
    }
}
