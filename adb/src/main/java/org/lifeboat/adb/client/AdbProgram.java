package org.lifeboat.adb.client;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The installed {@code adb} program, used only to start its server ({@code adb -P PORT start-server}). */
public final class AdbProgram implements ServerStarter {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Optional<Path> executable;
    private final Map<String, String> environment;

    private AdbProgram(Optional<Path> executable, Map<String, String> environment) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
    }

    /** The {@code adb} on {@code PATH} of {@code environment}, which may be absent. */
    public static AdbProgram onPath(Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "adb");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return new AdbProgram(Optional.of(candidate), Map.of());
            }
        }
        return new AdbProgram(Optional.empty(), Map.of());
    }

    public static AdbProgram at(Path executable) {
        return new AdbProgram(Optional.of(executable), Map.of());
    }

    /**
     * The same program with extra environment variables for the server it starts, for example a {@code HOME} whose
     * {@code .android} holds other keys (tests must never touch the user's own keys).
     */
    public AdbProgram withEnvironment(Map<String, String> variables) {
        return new AdbProgram(executable, variables);
    }

    public Optional<Path> executable() {
        return executable;
    }

    @Override
    public void start(AdbServerAddress address) throws IOException {
        if (!address.isLocal()) {
            throw new AdbServerUnavailableException("no adb server answers at " + address
                    + ", and a server on another computer cannot be started from here; start it there");
        }
        Path adb = executable.orElseThrow(() -> new AdbServerUnavailableException("no adb server answers at "
                + address + " and the adb program is not installed; install it ('apt-get install adb' or"
                + " Android SDK platform-tools), or connect to the phone directly over TCP with HOST:PORT"));
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(adb.toString(), "-P", Integer.toString(address.port()), "start-server"))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AdbServerUnavailableException(
                        "'" + adb + " start-server' did not finish within " + START_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AdbServerUnavailableException("interrupted while starting the adb server", e);
        }
        if (process.exitValue() != 0) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            throw new AdbServerUnavailableException("'" + adb + " -P " + address.port() + " start-server' failed"
                    + " with exit code " + process.exitValue() + ": " + output);
        }
    }
}
