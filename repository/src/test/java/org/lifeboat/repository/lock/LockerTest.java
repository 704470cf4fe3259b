package org.lifeboat.repository.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.HostIdentity;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositoryLockedException;
import org.lifeboat.repository.TestRepositories;
import org.lifeboat.repository.backend.FileType;

class LockerTest {
    private static final LockSettings FAST =
            new LockSettings(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(30));

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void sharedLocksCoexistAndExclusiveLocksExcludeEverything() throws IOException {
        try (Repository repository = TestRepositories.init(dir)) {
            Locker locker = new Locker(repository, scheduler, FAST);
            try (RepositoryLock first = locker.lockShared();
                    RepositoryLock second = locker.lockShared()) {
                assertThat(locker.list()).hasSize(2);
                assertThatThrownBy(locker::lockExclusive)
                        .isInstanceOf(RepositoryLockedException.class)
                        .hasMessageContaining("locked non-exclusively by PID "
                                + ProcessHandle.current().pid());
            }
            assertThat(repository.list(FileType.LOCK))
                    .as("released locks are deleted")
                    .isEmpty();

            try (RepositoryLock exclusive = locker.lockExclusive()) {
                assertThat(exclusive.isExclusive()).isTrue();
                RepositoryLockedException locked = org.junit.jupiter.api.Assertions.assertThrows(
                        RepositoryLockedException.class, locker::lockShared);
                assertThat(locked.getMessage()).contains("locked exclusively");
                assertThat(locked.holder())
                        .contains("PID " + ProcessHandle.current().pid());
            }
        }
    }

    @Test
    void staleLocksStillBlockUntilUnlockRemovesThem() throws IOException {
        try (Repository repository = TestRepositories.init(dir)) {
            HostIdentity elsewhere =
                    new HostIdentity("other-host", "bob", 4711, OptionalLong.of(1000), OptionalLong.empty());
            repository.saveUnpacked(
                    FileType.LOCK, new LockInfo(Instant.parse("2020-01-01T00:00:00Z"), true, elsewhere).toJson());
            HostIdentity deadHere = new HostIdentity(
                    repository.settings().identity().hostname(),
                    "me",
                    Long.MAX_VALUE,
                    OptionalLong.empty(),
                    OptionalLong.empty());
            repository.saveUnpacked(FileType.LOCK, new LockInfo(Instant.now(), false, deadHere).toJson());
            HostIdentity aliveElsewhere =
                    new HostIdentity("other-host", "carol", 1, OptionalLong.empty(), OptionalLong.empty());
            repository.saveUnpacked(FileType.LOCK, new LockInfo(Instant.now(), false, aliveElsewhere).toJson());
            Locker locker = new Locker(repository, scheduler, FAST);

            assertThatThrownBy(locker::lockShared)
                    .isInstanceOf(RepositoryLockedException.class)
                    .hasMessageContaining("PID 4711 on host other-host by user bob")
                    .hasMessageContaining("stale");
            assertThat(locker.list()).filteredOn(LockFile::stale).hasSize(2);

            assertThat(locker.removeStaleLocks()).isEqualTo(2);
            assertThat(locker.list()).singleElement().satisfies(lock -> assertThat(
                            lock.info().holder().username())
                    .isEqualTo("carol"));
            locker.lockShared().close();
            assertThat(locker.removeAllLocks()).isEqualTo(1);
        }
    }

    @Test
    void lockJsonMatchesRestic() throws Exception {
        HostIdentity holder = new HostIdentity("vm", "root", 11464, OptionalLong.of(1000), OptionalLong.of(0));
        LockInfo info = new LockInfo(Instant.parse("2026-11-22T01:52:05.179752307Z"), false, holder);

        String json = new String(info.toJson(), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo("{\"time\":\"2026-11-22T01:52:05.179752307Z\",\"exclusive\":false,\"hostname\":\"vm\","
                        + "\"username\":\"root\",\"pid\":11464,\"uid\":1000}");
        assertThat(LockInfo.fromJson("locks/x", info.toJson()).holder().pid()).isEqualTo(11464);
    }

    @Test
    void aPreparationRunsWhileTheNewLockSettlesAndItsResultComesWithTheLock() throws IOException {
        try (Repository repository = TestRepositories.init(dir)) {
            Locker locker = new Locker(repository, scheduler, FAST);

            try (Locked<Integer> locked =
                    locker.lockShared(() -> repository.list(FileType.LOCK).size())) {
                assertThat(locked.prepared())
                        .as("our lock file was written before the preparation ran")
                        .isEqualTo(1);
                assertThat(locker.list())
                        .extracting(LockFile::id)
                        .containsExactly(locked.lock().lockId());
            }
            assertThat(repository.list(FileType.LOCK)).isEmpty();
        }
    }

    @Test
    void aCompetitorThatLockedWhileWePreparedWinsAndOurLockIsRemoved() throws IOException {
        try (Repository repository = TestRepositories.init(dir)) {
            Locker locker = new Locker(repository, scheduler, FAST);

            assertThatThrownBy(() -> locker.lockShared(() -> locker.writeLockFile(true)))
                    .isInstanceOf(RepositoryLockedException.class)
                    .hasMessageContaining("locked exclusively");

            assertThat(locker.list()).singleElement().satisfies(l -> assertThat(
                            l.info().exclusive())
                    .as("only the competitor's lock is left")
                    .isTrue());
        }
    }

    @Test
    void aFailedPreparationIsThrownUnlessACompetitorExplainsIt() throws IOException {
        try (Repository repository = TestRepositories.init(dir)) {
            Locker locker = new Locker(repository, scheduler, FAST);

            assertThatThrownBy(() -> locker.lockExclusive(() -> {
                        throw new IOException("index unreadable");
                    }))
                    .isInstanceOf(IOException.class)
                    .hasMessage("index unreadable");
            assertThat(repository.list(FileType.LOCK)).isEmpty();

            assertThatThrownBy(() -> locker.lockShared(() -> {
                        locker.writeLockFile(true);
                        throw new IOException("pack vanished");
                    }))
                    .isInstanceOf(RepositoryLockedException.class)
                    .satisfies(
                            e -> assertThat(e.getSuppressed()).singleElement().satisfies(s -> assertThat(s)
                                    .hasMessage("pack vanished")));
            assertThat(repository.list(FileType.LOCK)).hasSize(1);
        }
    }

    @Test
    void aLockNotRefreshedForTooLongIsNoLongerTrusted() throws IOException {
        try (Repository repository = TestRepositories.init(dir)) {
            MutableClock clock = new MutableClock(Instant.now());
            Repository view = repository;
            Locker locker = new Locker(view, scheduler, FAST);
            RepositoryLock lock = new RepositoryLock(locker, locker.writeLockFile(true), true, clock, FAST, scheduler);

            lock.checkStillHeld();
            clock.advance(Duration.ofMinutes(23));

            assertThatThrownBy(lock::checkStillHeld)
                    .isInstanceOf(RepositoryLockedException.class)
                    .hasMessageContaining("not refreshed");
            lock.close();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
