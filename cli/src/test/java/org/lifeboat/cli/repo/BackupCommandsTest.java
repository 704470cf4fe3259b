package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.cli.Main;

/** backup, snapshots, ls, restore and forget end to end through {@link Main}. */
class BackupCommandsTest {
    @TempDir
    Path dir;

    private Path repo;
    private Path passwordFile;
    private Path source;
    private String out;
    private String err;

    @BeforeEach
    void createRepository() throws IOException {
        repo = dir.resolve("repo");
        passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "secret\n");
        source = Files.createDirectories(dir.resolve("source/docs"));
        Files.writeString(source.resolve("a.txt"), "alpha");
        Files.writeString(source.resolve("b.log"), "beta");
        assertThat(run("init")).isZero();
    }

    @Test
    void backupListRestoreAndForget() throws IOException {
        assertThat(run("backup", source.toString(), "--exclude", "*.log", "--tag", "first", "--host", "phone"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Files:       1 new").contains("saved");
        assertThat(run("backup", source.toString(), "--host", "phone", "--json"))
                .isZero();
        assertThat(out.toString())
                .contains("\"message_type\":\"summary\"")
                .contains("\"files_unmodified\":1")
                .contains("\"files_new\":1");

        assertThat(run("snapshots", "--json", "--tag", "first")).isZero();
        assertThat(out.toString()).contains("\"tags\":[\"first\"]").contains("\"hostname\":\"phone\"");
        assertThat(run("ls", "latest", source.toString())).isZero();
        assertThat(out.toString()).contains(source.resolve("a.txt").toString()).contains("b.log");

        Path target = dir.resolve("restored");
        assertThat(run("restore", "latest", "--target", target.toString(), "--include", "a.txt"))
                .isZero();
        Path restored = target.resolve(Path.of("/").relativize(source));
        assertThat(restored.resolve("a.txt")).hasContent("alpha");
        assertThat(restored.resolve("b.log")).doesNotExist();

        assertThat(run("forget", "--keep-last", "1")).isZero();
        assertThat(out.toString()).contains("removed 1 snapshot(s)");
        assertThat(run("snapshots")).isZero();
        assertThat(out.toString()).contains("1 snapshot\n");
    }

    @Test
    void unreadableItemsExit3AndNameTheItem() {
        Path missing = dir.resolve("missing");

        assertThat(run("backup", source.toString(), missing.toString())).isEqualTo(3);

        assertThat(err.toString())
                .contains(missing + ": no such file or directory")
                .doesNotContain("Exception");
    }

    @Test
    void unknownSnapshotAndBadPatternsGiveClearErrors() {
        assertThat(run("ls", "deadbeef")).isEqualTo(1);
        assertThat(err.toString()).contains("no snapshot ID starts with 'deadbeef'");
        assertThat(run("backup", source.toString(), "--exclude", "[oops")).isEqualTo(2);
        assertThat(err.toString()).contains("unclosed '['");
    }

    private int run(String... args) {
        CommandOutcome outcome = CommandOutcome.run(repo, passwordFile, args);
        out = outcome.out();
        err = outcome.err();
        return outcome.exitCode();
    }
}
