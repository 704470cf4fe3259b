package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.cli.Main;
import org.lifeboat.testkit.RequiresTool;

/** restic backs up, forgets a snapshot; our prune frees its data and restic still finds everything it needs. */
@RequiresTool("restic")
class ResticPruneInteropTest {
    @TempDir
    Path dir;

    @Test
    void ourPruneOnAResticRepositoryKeepsEveryReferencedBlob() throws Exception {
        Path repo = dir.resolve("repo");
        Path source = Files.createDirectories(dir.resolve("source"));
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, "secret");
        restic(repo, "init", "--pack-size", "4");
        byte[] kept = new byte[6_000_000];
        new Random(1).nextBytes(kept);
        Files.write(source.resolve("kept.bin"), kept);
        Files.write(source.resolve("dropped.bin"), randomBytes(6_000_000, 2));
        restic(repo, "backup", source.toString());
        Files.delete(source.resolve("dropped.bin"));
        restic(repo, "backup", source.toString());
        String first = restic(repo, "snapshots", "--json").replaceAll("(?s).*?\"short_id\":\"(\\w+)\".*", "$1");
        restic(repo, "forget", first);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {"prune", "-r", repo.toString(), "--password-file", passwordFile.toString()},
                new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("deleted");
        assertThat(restic(repo, "check", "--read-data")).contains("no errors were found");
        restic(repo, "restore", "latest", "--target", dir.resolve("restored").toString());
        assertThat(dir.resolve("restored")
                        .resolve(source.toString().substring(1))
                        .resolve("kept.bin"))
                .hasBinaryContent(kept);
        assertThat(restic(repo, "stats", "--mode", "raw-data")).contains("Total Size");
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String restic(Path repo, String... arguments) throws IOException, InterruptedException {
        return ResticRunner.run(repo, arguments);
    }
}
