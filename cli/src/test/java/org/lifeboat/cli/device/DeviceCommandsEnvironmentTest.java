package org.lifeboat.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.cli.CliRunner;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.repo.RepositoryOptions;

/**
 * The phone commands find the adb server through the environment their repository options were given, as the
 * repository commands find the repository, not through this process's variables: a test (or the AOT training) can
 * point them at its own server.
 */
class DeviceCommandsEnvironmentTest {
    private static final String SERIAL = "FAKE0001";

    @TempDir
    Path temp;

    private FakeAdbServer server;
    private CliRunner lifeboat;

    @BeforeEach
    void startServer() throws IOException {
        server = new FakeAdbServer(SERIAL + "\tunauthorized\n");
        lifeboat = new CliRunner(Map.of(
                "ANDROID_ADB_SERVER_PORT",
                Integer.toString(server.port()),
                "PATH",
                "/nonexistent",
                "HOME",
                temp.toString(),
                RepositoryOptions.REPOSITORY_VARIABLE,
                temp.resolve("no-repository").toString()));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void devicesListsThePhonesOfTheServerAtTheInjectedPort() {
        CliRunner.Result result = lifeboat.run("devices");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(SERIAL, "unauthorized", "fix: unlock the phone");
        assertThat(server.requests()).containsExactly("host:devices-l");
    }

    @Test
    void phoneBackupAsksTheServerAtTheInjectedPort() {
        CliRunner.Result result = lifeboat.run("backup", "--device", SERIAL);

        assertThat(result.exitCode()).isEqualTo(ExitCode.FATAL.code());
        assertThat(result.err()).contains("phone " + SERIAL + " is unauthorized");
        assertThat(server.requests()).containsExactly("host:devices-l");
    }

    /**
     * Answers every host request with OKAY and one fixed listing (AOSP adb/SERVICES.TXT framing: 4 hex digits of
     * length, then the bytes), one request per connection as the real server does for host queries.
     */
    private static final class FakeAdbServer implements AutoCloseable {
        private final ServerSocket socket;
        private final byte[] listing;
        private final List<String> requests = new CopyOnWriteArrayList<>();

        FakeAdbServer(String listing) throws IOException {
            this.socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            this.listing = listing.getBytes(StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().name("fake-adb-server").start(this::serve);
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    DataInputStream in = new DataInputStream(client.getInputStream());
                    byte[] length = new byte[4];
                    in.readFully(length);
                    byte[] request = new byte[Integer.parseInt(new String(length, StandardCharsets.US_ASCII), 16)];
                    in.readFully(request);
                    requests.add(new String(request, StandardCharsets.UTF_8));
                    OutputStream out = client.getOutputStream();
                    out.write(("OKAY" + String.format("%04x", listing.length)).getBytes(StandardCharsets.US_ASCII));
                    out.write(listing);
                    out.flush();
                } catch (IOException e) {
                    // Closed by the test, or a client that went away: the next accept decides.
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
