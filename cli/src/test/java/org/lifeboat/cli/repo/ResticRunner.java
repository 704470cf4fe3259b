package org.lifeboat.cli.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.testkit.ExternalTools;

/** Runs the real restic on a repository with password "secret"; callers carry {@code @RequiresTool("restic")}. */
final class ResticRunner {
    private ResticRunner() {}

    /** Runs restic and asserts that it succeeded; returns stdout and stderr. */
    static String run(Path repository, String... arguments) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(ExternalTools.path("restic").toString(), "--no-cache"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RESTIC_REPOSITORY", repository.toString());
        builder.environment().put("RESTIC_PASSWORD", "secret");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor())
                .as("restic %s:%n%s", String.join(" ", arguments), output)
                .isZero();
        return output;
    }

    /** {@code restic check} (optionally more flags) and asserts it found nothing wrong. */
    static void assertChecksClean(Path repository, String... flags) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("check"));
        arguments.addAll(List.of(flags));
        assertThat(run(repository, arguments.toArray(String[]::new))).contains("no errors were found");
    }
}
