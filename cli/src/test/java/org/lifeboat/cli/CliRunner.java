package org.lifeboat.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.cli.repo.CliEnvironment;
import org.lifeboat.cli.repo.RepositoryOptions;
import picocli.CommandLine;

/**
 * Runs one {@code lifeboat} command line as {@link Main} does, but with its own environment variables instead of the
 * process's: the repository, the password file, and where (not) to find adb. Commands that reach phones read the
 * environment through their repository options.
 */
public final class CliRunner {
    private final Map<String, String> environment;

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {}

    public CliRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * The environment of a test without an adb server: no adb on PATH and nothing listening at the server port, so
     * a {@code HOST:PORT} serial is reached over direct TCP.
     */
    public static Map<String, String> withoutAdbServer(Path repository, Path passwordFile, int unusedPort) {
        return Map.of(
                RepositoryOptions.REPOSITORY_VARIABLE,
                repository.toString(),
                RepositoryOptions.PASSWORD_FILE_VARIABLE,
                passwordFile.toString(),
                "PATH",
                "/nonexistent",
                "ANDROID_ADB_SERVER_PORT",
                Integer.toString(unusedPort),
                "HOME",
                passwordFile.getParent().toString());
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine =
                LifeboatCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        CommandLine subcommand = commandLine.getSubcommands().get(args[0]);
        if (subcommand != null
                && subcommand.getMixins().get("repositoryOptions") instanceof RepositoryOptions options) {
            options.withEnvironment(new CliEnvironment(
                    environment, Optional.empty(), "Linux", Path.of(environment.getOrDefault("HOME", "."))));
        }
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
