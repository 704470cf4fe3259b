package org.lifeboat.repository.restorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.TestRepositories;
import org.lifeboat.repository.filter.PathFilter;
import org.lifeboat.repository.tree.ByteString;
import org.lifeboat.repository.tree.FileMode;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.NodeType;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.tree.TreeJson;
import org.lifeboat.repository.walker.SnapshotPath;

/** Trees crafted by an attacker (or damaged) must never make a restore write outside its target. */
class RestoreConfinementTest {
    @TempDir
    Path temp;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private Repository repository;
    private Id content;

    @BeforeEach
    void createRepository() throws IOException {
        repository = TestRepositories.init(temp.resolve("repo"));
        content = repository.saveBlob(BlobType.DATA, "payload".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() throws IOException {
        repository.close();
        workers.shutdownNow();
    }

    @Test
    void refusesNamesThatAreNotASingleComponent() throws IOException {
        Id inner = saveTree(List.of(file("escaped-from-dir")));
        Id root = saveTree(List.of(
                file(".."),
                file("."),
                file("../../outside"),
                file("/etc/absolute"),
                file("sub/dir"),
                file("nul\u0000byte"),
                dir("../..", inner),
                file(""),
                file("ctl\u0001\nname"),
                file("fine")));
        Path target = Files.createDirectories(temp.resolve("sandbox/target"));

        RestoreResult result = restorer().restore(root, SnapshotPath.ROOT, target);

        assertThat(result.failures()).hasSize(8).allSatisfy(p -> assertThat(p.reason())
                .contains("could escape"));
        assertThat(target.resolve("fine")).hasContent("payload");
        // Control characters are legal in Linux names and stay inside the target: restored exactly.
        assertThat(target.resolve("ctl\u0001\nname")).hasContent("payload");
        assertThat(filesUnder(temp.resolve("sandbox")))
                .containsExactlyInAnyOrder(target.resolve("fine"), target.resolve("ctl\u0001\nname"));
    }

    @Test
    void doesNotFollowSymlinksAlreadyInTheTarget() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Path target = Files.createDirectories(temp.resolve("target"));
        Files.createSymbolicLink(target.resolve("dir"), outside);
        Files.createSymbolicLink(target.resolve("file"), outside.resolve("victim"));
        Id root = saveTree(List.of(dir("dir", saveTree(List.of(file("planted")))), file("file")));

        RestoreResult result = restorer().restore(root, SnapshotPath.ROOT, target);

        assertThat(result.failures()).isEmpty();
        assertThat(filesUnder(outside)).isEmpty();
        assertThat(target.resolve("dir")).isDirectory().isNotEqualTo(outside);
        assertThat(Files.isSymbolicLink(target.resolve("dir"))).isFalse();
        assertThat(target.resolve("dir/planted")).hasContent("payload");
        assertThat(Files.isSymbolicLink(target.resolve("file"))).isFalse();
    }

    @Test
    void restoresEveryFileItCanAndListsThoseWithMissingData() throws IOException {
        Node broken = file("broken").toBuilder()
                .content(List.of(Id.hash(new byte[] {9})))
                .build();
        Id root = saveTree(List.of(broken, file("intact")));
        Path target = temp.resolve("target");

        RestoreResult result = restorer().restore(root, SnapshotPath.ROOT, target);

        assertThat(result.isComplete()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(problem -> {
            assertThat(problem.path().toString()).isEqualTo("/broken");
            assertThat(problem.reason()).contains("missing");
        });
        assertThat(target.resolve("broken")).as("no half-written file").doesNotExist();
        assertThat(target.resolve("intact")).hasContent("payload");
    }

    private Restorer restorer() {
        return new Restorer(repository, new RestoreOptions(PathFilter.NONE, PathFilter.NONE, workers));
    }

    private Node file(String name) {
        return Node.builder(ByteString.utf8(name), NodeType.FILE)
                .mode(new FileMode(0644))
                .size(7)
                .content(List.of(content))
                .build();
    }

    private static Node dir(String name, Id subtree) {
        return Node.builder(ByteString.utf8(name), NodeType.DIR)
                .mode(new FileMode(FileMode.DIR | 0755))
                .subtree(subtree)
                .build();
    }

    private Id saveTree(List<Node> nodes) throws IOException {
        Id id = repository.saveBlob(BlobType.TREE, TreeJson.encode(new Tree(nodes)));
        repository.flush();
        return id;
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> !Files.isDirectory(p)).toList();
        }
    }
}
