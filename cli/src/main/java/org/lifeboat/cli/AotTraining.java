package org.lifeboat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The training run from which {@code ./lifeboat} makes the JDK's AOT cache (JDK 25+, {@code -XX:AOTCacheOutput}).
 *
 * <p>The cache holds the classes this run loads, already linked, and the method profiles it gathered, so it should
 * go through what every repository command does: key derivation, reading and writing index, tree and snapshot files,
 * compression, sealing and opening blobs. It runs the commands in this one JVM on a small repository in a temporary
 * folder, which it removes. Output is discarded; a failing step only makes the cache less complete.
 */
public final class AotTraining {
    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("lifeboat-aot-training");
        try {
            train(work);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void train(Path work) throws IOException {
        Path corpus = writeCorpus(work.resolve("corpus"));
        Path password = work.resolve("password");
        Files.writeString(password, "aot-training\n");
        String[] repository = {"--repo", work.resolve("repository").toString(), "--password-file", password.toString()};
        run(repository, "init");
        run(repository, "backup", corpus.toString());
        run(repository, "backup", corpus.toString());
        run(repository, "snapshots");
        run(repository, "ls", "latest", "--long");
        run(
                repository,
                "restore",
                "latest",
                "--target",
                work.resolve("restored").toString());
        run(repository, "check", "--read-data");
        run(new String[0], "--version");
    }

    private static void run(String[] repository, String command, String... args) {
        String[] all = new String[1 + args.length + repository.length];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(repository, 0, all, 1 + args.length, repository.length);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        Main.run(all, discard, discard);
    }

    /** A few files of each kind the pipelines treat differently: random, compressible, small, and empty. */
    private static Path writeCorpus(Path corpus) throws IOException {
        Random random = new Random(25);
        Files.createDirectories(corpus.resolve("small"));
        byte[] noise = new byte[3 << 20];
        random.nextBytes(noise);
        Files.write(corpus.resolve("photo.jpg"), noise);
        StringBuilder json = new StringBuilder();
        for (int i = 0; json.length() < 1 << 20; i++) {
            json.append("{\"id\":")
                    .append(i)
                    .append(",\"name\":\"item ")
                    .append(random.nextInt(1000))
                    .append("\"}\n");
        }
        Files.writeString(corpus.resolve("data.json"), json, StandardCharsets.UTF_8);
        for (int i = 0; i < 200; i++) {
            Files.writeString(corpus.resolve("small").resolve("note-" + i + ".txt"), "note " + i + "\n".repeat(i));
        }
        Files.createFile(corpus.resolve("empty"));
        return corpus;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    path.toFile().setWritable(true);
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
