package org.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.backend.LocalBackend;

/** A long write stores index files on its own, so that a crash before {@code flush} loses little. */
class IndexRotationTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final Random random = new Random(7);

    @Test
    void anIndexFileIsWrittenEveryFewPacksAndACrashKeepsThoseBlobs() throws IOException {
        List<Id> saved = new ArrayList<>();
        Repository crashed = init(new IndexRotation(2, 1000, Duration.ofMinutes(10)));
        for (int i = 0; i < 5; i++) {
            saved.add(crashed.saveBlob(BlobType.DATA, incompressible()));
        }

        assertThat(crashed.list(FileType.PACK)).hasSize(5);
        assertThat(crashed.list(FileType.INDEX)).as("after packs 2 and 4").hasSize(2);
        // No flush and no close: what a kill -9 leaves behind.
        try (Repository reopened = open()) {
            for (int i = 0; i < 4; i++) {
                assertThat(reopened.hasBlob(new BlobHandle(saved.get(i), BlobType.DATA)))
                        .isTrue();
            }
            assertThat(reopened.indexRecovery().packs().recovered())
                    .as("only the last pack is stored without an index listing it yet; its header lists its blob")
                    .singleElement()
                    .satisfies(pack -> assertThat(pack.blobs())
                            .extracting(blob -> blob.handle().id())
                            .containsExactly(saved.get(4)));
        }
    }

    @Test
    void anIndexFileIsWrittenWhenTheLastOneIsOlderThanTheLimit() throws IOException {
        try (Repository repository = init(new IndexRotation(100, 1000, Duration.ofMinutes(10)))) {
            repository.saveBlob(BlobType.DATA, incompressible());
            clock.advance(Duration.ofMinutes(9));
            repository.saveBlob(BlobType.DATA, incompressible());
            assertThat(repository.list(FileType.INDEX)).isEmpty();

            clock.advance(Duration.ofMinutes(1));
            repository.saveBlob(BlobType.DATA, incompressible());
            assertThat(repository.list(FileType.INDEX)).hasSize(1);
            assertThat(repository.index().unsavedPacks()).isEmpty();

            repository.saveBlob(BlobType.DATA, incompressible());
            assertThat(repository.flush()).as("only the pack stored since").hasSize(1);
            assertThat(repository.index().indexFileIds()).hasSize(2);
            assertThat(repository.index().packIds()).hasSize(4);
        }
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new IndexRotation(0, 1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 packs");
        assertThatThrownBy(() -> new IndexRotation(1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private Repository init(IndexRotation rotation) throws IOException {
        RepositorySettings settings = settings().withIndexRotation(rotation);
        return Repository.init(
                new LocalBackend(dir), TestRepositories.PASSWORD, TestRepositories.FAST_SCRYPT, settings);
    }

    private Repository open() throws IOException {
        return Repository.open(new LocalBackend(dir), TestRepositories.PASSWORD, settings());
    }

    /** One blob per pack, uploaded on the calling thread, so that the test sees each pack as it is stored. */
    private RepositorySettings settings() {
        return TestRepositories.settings()
                .withPackSize(1024)
                .withUploadExecutor(Runnable::run)
                .withClock(clock);
    }

    private byte[] incompressible() {
        byte[] bytes = new byte[2000];
        random.nextBytes(bytes);
        return bytes;
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
