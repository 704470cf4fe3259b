package org.lifeboat.repository.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobNotFoundException;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.checker.CheckReport;
import org.lifeboat.repository.checker.Checker;
import org.lifeboat.repository.index.IndexFileCodec;
import org.lifeboat.repository.lock.LockSettings;
import org.lifeboat.repository.lock.Locker;
import org.lifeboat.repository.lock.RepositoryLock;

class PrunerTest {
    private static final LockSettings NO_WAIT =
            new LockSettings(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(30));

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void keepsEveryUsedBlobAndRemovesTheRest() throws IOException {
        List<BlobHandle> all = fill();
        Set<BlobHandle> used = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 3 != 0) {
                used.add(all.get(i));
            }
        }
        try (Repository repository = TestRepositories.open(dir);
                RepositoryLock lock = new Locker(repository, scheduler, NO_WAIT).lockExclusive()) {
            Set<Id> oldIndexFiles = Set.copyOf(repository.list(FileType.INDEX));
            Pruner pruner = new Pruner(repository);
            PrunePlan plan = pruner.plan(used);
            assertThat(plan.repack()).isNotEmpty();

            PruneReport report = pruner.execute(plan, lock);

            assertThat(report.packsRepacked()).isEqualTo(plan.repack().size());
            List<Id> indexFiles = repository.list(FileType.INDEX);
            assertThat(indexFiles).containsExactlyInAnyOrderElementsOf(report.newIndexFiles());
            assertThat(IndexFileCodec.decode("index", repository.loadUnpacked(FileType.INDEX, indexFiles.getFirst()))
                            .supersedes())
                    .containsAll(oldIndexFiles);
        }
        try (Repository repository = TestRepositories.open(dir)) {
            for (BlobHandle blob : all) {
                if (used.contains(blob)) {
                    assertThat(Id.hash(repository.loadBlob(blob))).isEqualTo(blob.id());
                } else {
                    assertThatThrownBy(() -> repository.loadBlob(blob)).isInstanceOf(BlobNotFoundException.class);
                }
            }
            CheckReport check = new Checker(repository).check(new Checker.DataCheck.All());
            assertThat(check.problems()).isEmpty();
        }
    }

    @Test
    void refusesWhenAUsedBlobIsMissingOrTheLockIsShared() throws IOException {
        List<BlobHandle> all = fill();
        try (Repository repository = TestRepositories.open(dir)) {
            Pruner pruner = new Pruner(repository);
            BlobHandle ghost = new BlobHandle(Id.hash("ghost".getBytes(StandardCharsets.UTF_8)), BlobType.TREE);
            assertThatThrownBy(() -> pruner.plan(Set.of(all.getFirst(), ghost)))
                    .isInstanceOf(MissingBlobsException.class)
                    .hasMessageContaining("1 blob(s)");

            PrunePlan plan = pruner.plan(Set.of());
            try (RepositoryLock shared = new Locker(repository, scheduler, NO_WAIT).lockShared()) {
                assertThatThrownBy(() -> pruner.execute(plan, shared)).hasMessageContaining("exclusive");
            }
        }
    }

    private List<BlobHandle> fill() throws IOException {
        List<BlobHandle> handles = new ArrayList<>();
        try (Repository repository = TestRepositories.init(dir)) {
            for (int i = 0; i < 30; i++) {
                byte[] content = new byte[20_000];
                new Random(i).nextBytes(content);
                handles.add(new BlobHandle(repository.saveBlob(BlobType.DATA, content), BlobType.DATA));
                byte[] tree = ("{\"nodes\":[],\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                handles.add(new BlobHandle(repository.saveBlob(BlobType.TREE, tree), BlobType.TREE));
            }
            repository.flush();
        }
        return handles;
    }
}
