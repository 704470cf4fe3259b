package org.lifeboat.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.lifeboat.cli.repo.CliEnvironment;
import org.lifeboat.cli.repo.RepositoryOptions;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;
import picocli.CommandLine;

/**
 * The training run from which {@code ./lifeboat} makes the JDK's AOT cache (JDK 25+, {@code -XX:AOTCacheOutput}).
 *
 * <p>The cache holds the classes this run loads, already linked (the launcher leaves out the method profiles: replayed
 * at start, they cost the commands more JIT work than they saved), so it should go through what every repository
 * command does: key derivation, reading and writing index, tree and snapshot files, compression, sealing and opening
 * blobs. It runs the commands in this one JVM on a small repository in a temporary
 * folder, which it removes (the virtual phone's generated demo profile stays in its shared cache, {@code
 * lifeboat-profiles} in the temporary-files folder, as after any demo). Output is discarded; a failing step only
 * makes the cache less complete, and {@code AotTrainingTest} checks that every step still exits 0.
 *
 * <p>The phone commands load most of the code (adb client, collectors, restorers, the virtual phone of {@code demo}),
 * so it then runs them against virtual phones started in this JVM: {@code demo} twice (a full and a no-change
 * backup), a files restore onto a blank phone, a restore of the other types onto the phone they came from (all
 * already there), and {@code verify}. Those commands reach the phones straight over TCP with an environment of their
 * own: no adb program on the PATH and an adb server port nobody listens on, so no adb server is started or asked,
 * and a HOME inside the temporary folder, so the adb key they create is not the user's {@code ~/.android/adbkey}.
 */
public final class AotTraining {
    /** The steps that did not exit 0, with their exit codes: what the cache then covers less well. */
    private final List<String> failures = new ArrayList<>();

    private AotTraining() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("lifeboat-aot-training");
        try {
            // The launcher discards this output; AotTrainingTest is what notices a step that stopped working.
            train(work).forEach(failure -> System.err.println("AOT training: " + failure));
        } finally {
            deleteRecursively(work);
        }
    }

    /** Runs every step in {@code work} and returns the steps that failed. */
    static List<String> train(Path work) throws IOException {
        AotTraining training = new AotTraining();
        training.trainRepositoryCommands(work);
        try {
            training.trainPhoneCommands(work);
        } catch (IOException | RuntimeException e) {
            // A phone that did not start leaves the phone commands out of the cache, not the repository ones.
            training.failures.add("virtual phones: " + e);
        }
        return List.copyOf(training.failures);
    }

    private void trainRepositoryCommands(Path work) throws IOException {
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

    private void trainPhoneCommands(Path work) throws IOException {
        Path demo = work.resolve("demo");
        run(new String[0], "demo", "--dir", demo.toString());
        run(new String[0], "demo", "--dir", demo.toString());
        Path home = Files.createDirectories(work.resolve("home"));
        CliEnvironment environment = new CliEnvironment(
                Map.of(
                        RepositoryOptions.REPOSITORY_VARIABLE,
                        demo.resolve("repository").toString(),
                        RepositoryOptions.PASSWORD_FILE_VARIABLE,
                        demo.resolve("password").toString(),
                        "PATH",
                        work.resolve("no-adb").toString(),
                        "ANDROID_ADB_SERVER_PORT",
                        Integer.toString(unusedPort()),
                        "HOME",
                        home.toString()),
                Optional.empty(),
                System.getProperty("os.name", ""),
                home);
        try (VirtualPhone source = VirtualPhone.start(VirtualPhoneConfig.of("demo", demo.resolve("phone")));
                VirtualPhone blank = VirtualPhone.start(VirtualPhoneConfig.of("blank", work.resolve("blank")))) {
            run(environment, "restore", "latest", "--device", blank.serial(), "--only", "files");
            run(
                    environment,
                    "restore",
                    "latest",
                    "--device",
                    source.serial(),
                    "--only",
                    "contacts,messages,calendar,settings");
            run(environment, "verify", "--device", source.serial(), "--quick");
        }
    }

    /** Runs a command whose repository options read {@code environment} instead of this process's. */
    private void run(CliEnvironment environment, String... args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        try {
            CommandLine commandLine = LifeboatCommand.newCommandLine(discard, discard, args);
            CommandLine command = commandLine.getSubcommands().get(args[0]);
            if (command.getMixins().get("repositoryOptions") instanceof RepositoryOptions options) {
                options.withEnvironment(environment);
                record(args, commandLine.execute(args));
            } else {
                failures.add(String.join(" ", args) + ": has no repository options");
            }
        } catch (RuntimeException e) {
            // A step that fails only leaves its classes out of the cache.
            failures.add(String.join(" ", args) + ": " + e);
        }
    }

    private void record(String[] args, int exitCode) {
        if (exitCode != 0) {
            failures.add(String.join(" ", args) + ": exit " + exitCode);
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void run(String[] repository, String command, String... args) {
        String[] all = new String[1 + args.length + repository.length];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(repository, 0, all, 1 + args.length, repository.length);
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        record(new String[] {command}, Main.run(all, discard, discard));
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
