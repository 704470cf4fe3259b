package org.lifeboat.repository.restorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;
import org.lifeboat.repository.backend.Backend;
import org.lifeboat.repository.backend.FileHandle;
import org.lifeboat.repository.backend.FileInfo;
import org.lifeboat.repository.backend.FileType;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.filter.PathFilter;
import org.lifeboat.repository.tree.ByteString;
import org.lifeboat.repository.tree.FileMode;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.tree.TreeJson;
import org.lifeboat.repository.walker.SnapshotPath;

/**
 * A runtime exception while a pack is written (a bug, or a backend breaking its contract) must not escape the restore
 * and leave the files of that pack half-written: they are reported and removed, as with damaged data.
 */
class UnexpectedFailureRestoreTest {
    private static final byte[] HEAD = bytes("the head, in the first pack\n");
    private static final byte[] TAIL = bytes("the tail, in the pack that fails\n");
    private static final byte[] INTACT = bytes("a file in a healthy pack\n");

    @TempDir
    Path temp;

    /** One worker, so that the packs are written in the order the files first use them. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    private Id root;
    private Id failingPack;

    @BeforeEach
    void createRepository() throws IOException {
        try (Repository repository = TestRepositories.init(temp.resolve("repo"))) {
            Id intact = saveInOwnPack(repository, INTACT);
            Id head = saveInOwnPack(repository, HEAD);
            Id tail = saveInOwnPack(repository, TAIL);
            failingPack = repository
                    .index()
                    .lookup(new BlobHandle(tail, BlobType.DATA))
                    .orElseThrow()
                    .packId();
            // In name order, so the packs are used in the order intact, head, tail: the partial file is half
            // written when the tail's pack fails.
            root = repository.saveBlob(
                    BlobType.TREE,
                    TreeJson.encode(new Tree(List.of(
                            file("a-intact", List.of(intact), INTACT.length),
                            file("b-partial", List.of(head, tail), HEAD.length + TAIL.length),
                            file("c-tail-only", List.of(tail), TAIL.length)))));
            repository.flush();
        }
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void filesOfAPackThatFailsUnexpectedlyAreReportedAndRemoved() throws IOException {
        Path target = temp.resolve("target");
        RestoreResult result;
        try (Repository repository = openWithFailingPack()) {
            result = new Restorer(repository, new RestoreOptions(PathFilter.NONE, PathFilter.NONE, worker))
                    .restore(root, SnapshotPath.ROOT, target);
        }

        assertThat(result.isComplete()).isFalse();
        assertThat(result.filesRestored()).isEqualTo(1);
        assertThat(result.failures())
                .extracting(problem -> problem.path().toString())
                .containsExactlyInAnyOrder("/b-partial", "/c-tail-only");
        assertThat(result.failures()).allSatisfy(problem -> assertThat(problem.reason())
                .isEqualTo("writing its data from pack " + failingPack.toShortString()
                        + " failed unexpectedly (IllegalStateException: injected backend bug)"));
        assertThat(filesUnder(target)).as("no half-written file").containsExactly(target.resolve("a-intact"));
        assertThat(target.resolve("a-intact")).hasBinaryContent(INTACT);
    }

    @Test
    void workersThatRefuseTheWorkFailEveryFileWithContentInsteadOfThrowing() throws IOException {
        Path target = temp.resolve("target");
        worker.shutdown();
        RestoreResult result;
        try (Repository repository = TestRepositories.open(temp.resolve("repo"))) {
            result = new Restorer(repository, new RestoreOptions(PathFilter.NONE, PathFilter.NONE, worker))
                    .restore(root, SnapshotPath.ROOT, target);
        }

        assertThat(result.filesRestored()).isZero();
        assertThat(result.failures()).hasSize(3).allSatisfy(problem -> assertThat(problem.reason())
                .contains("failed unexpectedly (RejectedExecutionException"));
        assertThat(filesUnder(target)).isEmpty();
    }

    private Repository openWithFailingPack() throws IOException {
        Backend local = new LocalBackend(temp.resolve("repo"));
        return Repository.open(
                new FailingPackBackend(local, FileHandle.of(FileType.PACK, failingPack)),
                TestRepositories.PASSWORD,
                TestRepositories.settings());
    }

    private static Id saveInOwnPack(Repository repository, byte[] content) throws IOException {
        Id id = repository.saveBlob(BlobType.DATA, content);
        repository.flush();
        return id;
    }

    private static Node file(String name, List<Id> content, long size) {
        return Node.builder(ByteString.utf8(name), NodeType.FILE)
                .mode(new FileMode(0644))
                .size(size)
                .content(content)
                .build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> !Files.isDirectory(p)).toList();
        }
    }

    /** A backend whose reads of one pack throw what no backend may: an unchecked exception. */
    private record FailingPackBackend(Backend delegate, FileHandle failing) implements Backend {
        @Override
        public byte[] load(FileHandle handle, long offset, int length) throws IOException {
            if (handle.equals(failing)) {
                throw new IllegalStateException("injected backend bug");
            }
            return delegate.load(handle, offset, length);
        }

        @Override
        public byte[] loadAll(FileHandle handle) throws IOException {
            if (handle.equals(failing)) {
                throw new IllegalStateException("injected backend bug");
            }
            return delegate.loadAll(handle);
        }

        @Override
        public String location() {
            return delegate.location();
        }

        @Override
        public void create() throws IOException {
            delegate.create();
        }

        @Override
        public boolean exists(FileHandle handle) throws IOException {
            return delegate.exists(handle);
        }

        @Override
        public FileInfo stat(FileHandle handle) throws IOException {
            return delegate.stat(handle);
        }

        @Override
        public void save(FileHandle handle, byte[] content) throws IOException {
            delegate.save(handle, content);
        }

        @Override
        public void save(FileHandle handle, InputStream content, long length) throws IOException {
            delegate.save(handle, content, length);
        }

        @Override
        public List<FileInfo> list(FileType type) throws IOException {
            return delegate.list(type);
        }

        @Override
        public void delete(FileHandle handle) throws IOException {
            delegate.delete(handle);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
