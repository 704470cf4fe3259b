package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.cli.Main;
import org.lifeboat.testkit.RequiresTool;

/**
 * Both programs write into one repository, either one forgets and prunes, and both checks stay green; for a
 * restic-written repository, our JSON listings agree with restic's.
 */
@RequiresTool("restic")
class MixedInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path repo;
    private Path passwordFile;
    private Path ours;
    private Path theirs;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void createSources() throws IOException {
        repo = dir.resolve("repo");
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "secret");
        ours = dir.resolve("ours");
        theirs = dir.resolve("theirs");
        Files.createDirectories(ours.resolve("sub"));
        Files.createDirectories(theirs.resolve("deeper/still"));
        Random random = new Random(4);
        for (Path folder : List.of(ours, theirs)) {
            byte[] big = new byte[1_500_000];
            random.nextBytes(big);
            Files.write(folder.resolve("big.bin"), big);
            Files.writeString(folder.resolve("small.txt"), "small " + folder);
            Files.createFile(folder.resolve("empty"));
        }
        Files.write(theirs.resolve("copy-of-ours.bin"), Files.readAllBytes(ours.resolve("big.bin")));
        Files.createSymbolicLink(theirs.resolve("deeper/link"), Path.of("../small.txt"));
    }

    @Test
    void resticBacksUpIntoOurRepositoryAndForgetsAndPrunes() throws Exception {
        assertThat(lifeboat("init")).as(err.toString()).isZero();
        assertThat(lifeboat("backup", ours.toString())).as(err.toString()).isZero();
        ResticRunner.run(repo, "backup", theirs.toString());
        Files.writeString(ours.resolve("small.txt"), "changed");
        assertThat(lifeboat("backup", ours.toString())).as(err.toString()).isZero();
        ResticRunner.run(repo, "backup", theirs.toString());

        ResticRunner.run(repo, "forget", "--keep-last", "1", "--prune");

        assertThat(ResticRunner.run(repo, "snapshots")).contains("2 snapshots");
        assertBothChecksPass();
        Path target = dir.resolve("restored");
        assertThat(lifeboat("restore", "latest", "--target", target.toString(), "--host", hostOfLatest()))
                .as(err.toString())
                .isZero();
    }

    @Test
    void weBackUpIntoAResticRepositoryAndForgetAndPrune() throws Exception {
        ResticRunner.run(repo, "init");
        ResticRunner.run(repo, "backup", theirs.toString());
        assertThat(lifeboat("backup", ours.toString(), "--json"))
                .as(err.toString())
                .isZero();
        JsonNode summary = JSON.readTree(out.toString().lines().toList().getLast());
        assertThat(summary.get("data_added").asLong())
                .as("restic stored big.bin's chunks already (same polynomial, same chunks)")
                .isLessThan(100_000);
        Files.writeString(ours.resolve("small.txt"), "changed");
        assertThat(lifeboat("backup", ours.toString())).as(err.toString()).isZero();

        assertThat(lifeboat("forget", "--keep-last", "1", "--prune"))
                .as(err.toString())
                .isZero();

        assertThat(ResticRunner.run(repo, "snapshots")).contains("2 snapshots");
        assertBothChecksPass();
    }

    @Test
    void snapshotsAndLsJsonAgreeWithResticOnAResticRepository() throws Exception {
        ResticRunner.run(repo, "init");
        ResticRunner.run(repo, "backup", theirs.toString(), "--tag", "t1");
        ResticRunner.run(repo, "backup", ours.toString(), theirs.toString());

        JsonNode resticSnapshots = JSON.readTree(ResticRunner.run(repo, "snapshots", "--json", "--no-lock"));
        assertThat(lifeboat("snapshots", "--json")).as(err.toString()).isZero();
        JsonNode ourSnapshots = JSON.readTree(out.toString());
        assertThat(summaries(ourSnapshots))
                .isEqualTo(summaries(resticSnapshots))
                .hasSize(2);

        for (JsonNode snapshot : resticSnapshots) {
            String id = snapshot.get("id").asText();
            List<String> resticNodes = nodeLines(ResticRunner.run(repo, "ls", "--json", "--no-lock", id));
            assertThat(lifeboat("ls", "--json", id)).as(err.toString()).isZero();
            assertThat(nodeLines(out.toString())).isEqualTo(resticNodes).isNotEmpty();
        }
    }

    private void assertBothChecksPass() throws Exception {
        ResticRunner.assertChecksClean(repo, "--read-data");
        assertThat(lifeboat("check", "--read-data")).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("no errors were found");
    }

    private String hostOfLatest() throws Exception {
        JsonNode snapshots = JSON.readTree(ResticRunner.run(repo, "snapshots", "--json", "--no-lock"));
        return snapshots.get(snapshots.size() - 1).get("hostname").asText();
    }

    /** ID, tree, paths and time of each snapshot. */
    private static List<String> summaries(JsonNode snapshots) {
        List<String> summaries = new ArrayList<>();
        for (JsonNode snapshot : snapshots) {
            summaries.add(
                    snapshot.get("id").asText() + " " + snapshot.get("tree").asText() + " " + snapshot.get("paths")
                            + " " + snapshot.get("time").asText());
        }
        summaries.sort(null);
        return summaries;
    }

    /** Path, type and (for files) size of every node line of {@code ls --json}. */
    private static List<String> nodeLines(String output) throws IOException {
        List<String> nodes = new ArrayList<>();
        for (String line : output.lines().toList()) {
            JsonNode node = JSON.readTree(line);
            if (node.path("struct_type").asText().equals("node")) {
                String type = node.get("type").asText();
                nodes.add(node.get("path").asText() + " " + type
                        + (type.equals("file") ? " " + node.get("size").asLong() : ""));
            }
        }
        return nodes;
    }

    private int lifeboat(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] full = Stream.concat(
                        Stream.of(args), Stream.of("-r", repo.toString(), "--password-file", passwordFile.toString()))
                .toArray(String[]::new);
        return Main.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
