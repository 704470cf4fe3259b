package org.lifeboat.repository.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifeboat.testkit.ExternalTools;

/** Runs the real restic against a repository folder, without a cache, and captures its output. */
public final class Restic {
    private final Path repository;
    private final String password;

    public Restic(Path repository, String password) {
        this.repository = repository;
        this.password = password;
    }

    public record Result(int exitCode, String output) {}

    public Result run(String... arguments) throws IOException, InterruptedException {
        return runIn(repository.getParent(), arguments);
    }

    public Result runIn(Path workingDirectory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ExternalTools.path("restic").toString());
        command.add("--no-cache");
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).directory(workingDirectory.toFile());
        builder.environment().put("RESTIC_REPOSITORY", repository.toString());
        builder.environment().put("RESTIC_PASSWORD", password);
        builder.environment().remove("RESTIC_PASSWORD_FILE");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("restic " + arguments[0] + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Runs restic and fails the test unless it exits 0; returns its output. */
    public String ok(String... arguments) throws IOException, InterruptedException {
        Result result = run(arguments);
        assertThat(result.exitCode())
                .as("restic %s:%n%s", String.join(" ", arguments), result.output())
                .isZero();
        return result.output();
    }
}
