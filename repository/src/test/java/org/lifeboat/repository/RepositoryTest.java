package org.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.index.PackedBlob;
import org.lifeboat.repository.pack.PackBlob;
import org.lifeboat.repository.pack.PackFile;

class RepositoryTest {
    @TempDir
    Path dir;

    @Test
    void initCreatesResticLayoutAndOpensWithThePassword() throws IOException {
        Config created;
        try (Repository repository = TestRepositories.init(dir)) {
            created = repository.config();
        }

        assertThat(dir.resolve("config")).isRegularFile();
        assertThat(dir.resolve("data/00")).isDirectory();
        assertThat(dir.resolve("data/ff")).isDirectory();
        assertThat(dir.resolve("locks")).isDirectory();
        assertThat(Files.getPosixFilePermissions(dir.resolve("config")))
                .isEqualTo(PosixFilePermissions.fromString("r--------"));
        try (Repository reopened = TestRepositories.open(dir)) {
            assertThat(reopened.config()).isEqualTo(created);
            assertThat(reopened.config().version()).isEqualTo(2);
            assertThat(reopened.config().chunkerPolynomial().degree()).isEqualTo(53);
        }
    }

    @Test
    void refusesToInitTwice() throws IOException {
        TestRepositories.init(dir).close();

        assertThatThrownBy(() -> TestRepositories.init(dir)).isInstanceOf(RepositoryAlreadyExistsException.class);
    }

    @Test
    void wrongPasswordAndMissingRepositoryFailPrecisely() throws IOException {
        TestRepositories.init(dir).close();

        assertThatThrownBy(
                        () -> Repository.open(new LocalBackend(dir), Password.of("nope"), TestRepositories.settings()))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("wrong password");
        assertThatThrownBy(() -> TestRepositories.open(dir.resolve("absent")))
                .isInstanceOf(RepositoryNotFoundException.class)
                .hasMessageContaining("absent");
    }

    @Test
    void savedBlobsLoadBackAfterFlushAndReopen() throws IOException {
        byte[] compressible = "all work and no play ".repeat(5000).getBytes(StandardCharsets.UTF_8);
        byte[] random = randomBytes(100_000, 1);
        byte[] tree = "{\"nodes\":[]}\n".getBytes(StandardCharsets.UTF_8);
        Id compressibleId;
        Id randomId;
        Id treeId;
        Id emptyId;
        try (Repository repository = TestRepositories.init(dir)) {
            compressibleId = repository.saveBlob(BlobType.DATA, compressible);
            randomId = repository.saveBlob(BlobType.DATA, random);
            treeId = repository.saveBlob(BlobType.TREE, tree);
            emptyId = repository.saveBlob(BlobType.DATA, new byte[0]);
            assertThat(repository.flush()).hasSize(1);
        }

        try (Repository repository = TestRepositories.open(dir)) {
            assertThat(repository.loadBlob(new BlobHandle(compressibleId, BlobType.DATA)))
                    .isEqualTo(compressible);
            assertThat(repository.loadBlob(new BlobHandle(randomId, BlobType.DATA)))
                    .isEqualTo(random);
            assertThat(repository.loadBlob(new BlobHandle(treeId, BlobType.TREE)))
                    .isEqualTo(tree);
            assertThat(repository.loadBlob(new BlobHandle(emptyId, BlobType.DATA)))
                    .isEmpty();

            PackBlob compressed = repository
                    .index()
                    .lookup(new BlobHandle(compressibleId, BlobType.DATA))
                    .orElseThrow()
                    .blob();
            PackBlob incompressible = repository
                    .index()
                    .lookup(new BlobHandle(randomId, BlobType.DATA))
                    .orElseThrow()
                    .blob();
            PackBlob empty = repository
                    .index()
                    .lookup(new BlobHandle(emptyId, BlobType.DATA))
                    .orElseThrow()
                    .blob();
            assertThat(compressed.isCompressed()).isTrue();
            assertThat(compressed.uncompressedLength()).isEqualTo(compressible.length);
            assertThat(incompressible.isCompressed())
                    .as("stored plain when zstd does not shrink it")
                    .isFalse();
            assertThat(empty.isCompressed())
                    .as("an empty blob is never marked compressed")
                    .isFalse();
        }
    }

    @Test
    void keepsDataAndTreeBlobsInSeparatePacksWithHeadersMatchingTheIndex() throws IOException {
        try (Repository repository = TestRepositories.init(dir)) {
            for (int i = 0; i < 40; i++) {
                repository.saveBlob(BlobType.DATA, randomBytes(20_000, i));
                repository.saveBlob(BlobType.TREE, ("{\"nodes\":[],\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            repository.flush();

            var byPack = repository.index().blobsByPack();
            assertThat(byPack.size()).as("256 KiB packs: several data packs").isGreaterThan(2);
            for (var pack : byPack.entrySet()) {
                Set<BlobType> types =
                        pack.getValue().stream().map(b -> b.handle().type()).collect(Collectors.toSet());
                assertThat(types).hasSize(1);
                long size = Files.size(dir.resolve("data")
                        .resolve(pack.getKey().toString().substring(0, 2))
                        .resolve(pack.getKey().toString()));
                assertThat(PackFile.readHeader(repository.backend(), repository.masterKey(), pack.getKey(), size))
                        .isEqualTo(pack.getValue());
            }
        }
    }

    @Test
    void deduplicatesAgainstTheIndexAndWithinTheSession() throws IOException {
        byte[] content = randomBytes(50_000, 7);
        try (Repository repository = TestRepositories.init(dir)) {
            Id first = repository.saveBlob(BlobType.DATA, content);
            Id second = repository.saveBlob(BlobType.DATA, content);
            repository.flush();
            assertThat(second).isEqualTo(first);
            assertThat(repository.statistics().blobsAdded()).isEqualTo(1);
            assertThat(repository.statistics().blobsDeduplicated()).isEqualTo(1);
        }
        try (Repository repository = TestRepositories.open(dir)) {
            repository.saveBlob(BlobType.DATA, content);
            assertThat(repository.flush()).as("nothing new, no index file").isEmpty();
            assertThat(repository.statistics().blobsAdded()).isZero();
            // The same bytes as a tree are a different blob.
            assertThat(repository.hasBlob(new BlobHandle(Id.hash(content), BlobType.TREE)))
                    .isFalse();
        }
    }

    @Test
    void unpackedFilesAreCompressedInV2AndVerifiedOnLoad() throws IOException {
        byte[] json = "{\"time\":\"2026-01-01T00:00:00Z\",\"tree\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        try (Repository repository = TestRepositories.init(dir)) {
            Id id = repository.saveUnpacked(FileType.SNAPSHOT, json);

            assertThat(repository.loadUnpacked(FileType.SNAPSHOT, id)).isEqualTo(json);
            byte[] payload = repository.masterKey().open(Files.readAllBytes(dir.resolve("snapshots/" + id)));
            assertThat(payload[0]).as("version byte of a compressed v2 payload").isEqualTo((byte) 2);

            Path stored = dir.resolve("snapshots/" + id);
            stored.toFile().setWritable(true);
            byte[] damaged = Files.readAllBytes(stored);
            damaged[20] ^= 1;
            Files.write(stored, damaged);
            assertThatThrownBy(() -> repository.loadUnpacked(FileType.SNAPSHOT, id))
                    .isInstanceOf(CorruptFileException.class)
                    .hasMessageContaining("snapshots/" + id)
                    .hasMessageContaining("hashes to");
        }
    }

    @Test
    void loadBlobNamesTheDamagedPackAndBlob() throws IOException {
        byte[] content = randomBytes(10_000, 3);
        try (Repository repository = TestRepositories.init(dir)) {
            Id id = repository.saveBlob(BlobType.DATA, content);
            repository.flush();
            PackedBlob location =
                    repository.index().lookup(new BlobHandle(id, BlobType.DATA)).orElseThrow();
            flipByte(packPath(location.packId()), 100);

            assertThatThrownBy(() -> repository.loadBlob(new BlobHandle(id, BlobType.DATA)))
                    .isInstanceOf(CorruptBlobException.class)
                    .hasMessageContaining(location.packId().toString())
                    .hasMessageContaining(id.toString());
            assertThatThrownBy(() -> repository.loadBlob(new BlobHandle(Id.hash(new byte[1]), BlobType.DATA)))
                    .isInstanceOf(BlobNotFoundException.class);
        }
    }

    @Test
    void concurrentSaversStoreEveryBlobOnce() throws Exception {
        try (Repository repository = TestRepositories.init(dir)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < 50; i++) {
                            repository.saveBlob(BlobType.DATA, randomBytes(5_000, i));
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            repository.flush();

            assertThat(repository.statistics().blobsAdded()).isEqualTo(50);
            assertThat(repository.index().entryCount()).isEqualTo(50);
        }
    }

    @Test
    void concurrentSaversSealIntoSharedPacksAndEveryBlobLoadsBack() throws Exception {
        record Saved(BlobHandle handle, byte[] bytes) {}
        List<Saved> saved = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Repository repository = TestRepositories.init(dir)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    Random sizes = new Random(thread);
                    try {
                        for (int i = 0; i < 60; i++) {
                            // Up to 120 kB against 256 KiB packs: packs close, and blobs skip to the next one, while
                            // other threads are still sealing into them; trees make the small tree packs grow.
                            byte[] blob = randomBytes(1 + sizes.nextInt(120_000), 1000 * thread + i);
                            BlobType type = i % 5 == 0 ? BlobType.TREE : BlobType.DATA;
                            saved.add(new Saved(new BlobHandle(repository.saveBlob(type, blob), type), blob));
                        }
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            repository.flush();

            assertThat(repository.index().entryCount()).isEqualTo(240);
            for (Saved blob : saved) {
                assertThat(repository.loadBlob(blob.handle())).isEqualTo(blob.bytes());
            }
        }
        try (Repository reopened = TestRepositories.open(dir)) {
            for (Id packId : reopened.list(FileType.PACK)) {
                byte[] pack = Files.readAllBytes(packPath(packId));
                assertThat(PackFile.parseHeader(reopened.masterKey(), packId, pack))
                        .isEqualTo(reopened.index().blobsByPack().get(packId));
            }
        }
    }

    Path packPath(Id packId) {
        return dir.resolve("data").resolve(packId.toString().substring(0, 2)).resolve(packId.toString());
    }

    static void flipByte(Path file, int offset) throws IOException {
        file.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= 1;
        Files.write(file, bytes);
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
