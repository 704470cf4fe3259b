package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lifeboat.testkit.ExternalTools;

/**
 * Drives the real {@code adb} with its own server on a free port and its own HOME (so its keys and server never
 * meet another test's), and kills that server on close.
 */
public final class AdbTool implements AutoCloseable {
    private final Path adb = ExternalTools.path("adb");
    private final Path home;
    private final int serverPort;

    public AdbTool(Path home) throws IOException {
        this.home = home;
        try (ServerSocket probe = new ServerSocket(0)) {
            this.serverPort = probe.getLocalPort();
        }
    }

    /** The result of one adb run. */
    public record Result(int exitCode, String stdout, String stderr) {}

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(adb.toString());
        command.add("-P");
        command.add(Integer.toString(serverPort));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("ANDROID_SERIAL");
        builder.environment().remove("ADB_SERVER_SOCKET");
        builder.environment().remove("TERM");
        Path out = Files.createTempFile(home, "adb", ".out");
        Path err = Files.createTempFile(home, "adb", ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("adb " + String.join(" ", args) + " did not finish within 120 s");
        }
        Result result = new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** {@code adb connect}, which reports failures in its message and not its exit code. */
    public String connect(int port) throws IOException, InterruptedException {
        Result result = run("connect", "127.0.0.1:" + port);
        String serial = "127.0.0.1:" + port;
        if (!result.stdout().contains("connected to " + serial)) {
            throw new IOException("adb connect failed: " + result);
        }
        return serial;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("kill-server");
    }
}
