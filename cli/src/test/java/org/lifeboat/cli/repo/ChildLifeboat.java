package org.lifeboat.cli.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code lifeboat} in a separate JVM with the test class path, so that a test can {@code kill -9} it or run
 * two at once, as users do. Its {@code java.io.tmpdir} is a folder the test can inspect.
 */
final class ChildLifeboat {
    private final Path repository;
    private final Path passwordFile;
    private final Path tempDirectory;
    private final Path log;

    ChildLifeboat(Path repository, Path passwordFile, Path workDirectory) throws IOException {
        this.repository = repository;
        this.passwordFile = passwordFile;
        this.tempDirectory = Files.createDirectories(workDirectory.resolve("jvm-tmp"));
        this.log = workDirectory.resolve("child.log");
    }

    /** The child JVM's temp folder. */
    Path tempDirectory() {
        return tempDirectory;
    }

    /** Starts {@code lifeboat ARGS -r REPO --password-file F}; output goes to a log that {@link #output} reads. */
    Process start(String... args) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tempDirectory,
                "-cp",
                System.getProperty("java.class.path"),
                "org.lifeboat.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("-r", repository.toString(), "--password-file", passwordFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("LIFEBOAT_REPOSITORY");
        builder.environment().remove("LIFEBOAT_PASSWORD");
        builder.environment().remove("LIFEBOAT_PASSWORD_FILE");
        return builder.start();
    }

    /** Everything the children wrote so far, for assertion messages. */
    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
