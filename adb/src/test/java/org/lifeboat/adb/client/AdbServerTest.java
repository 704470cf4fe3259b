package org.lifeboat.adb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.AdbProtocol;
import org.lifeboat.testkit.ExternalTools;
import org.lifeboat.testkit.RequiresTool;

/** Our smart-socket client against the real adb 29 server, which talks to a fake adbd on a private port. */
@RequiresTool("adb")
class AdbServerTest {
    @TempDir
    static Path temp;

    private static AdbServer server;
    private static FakeAdbd adbd;
    private static String serial;

    @BeforeAll
    static void startServerAndPhone() throws IOException {
        Path sandbox = Files.createDirectories(temp.resolve("sandbox"));
        Files.writeString(sandbox.resolve("note.txt"), "from the phone");
        FakeServices services = new FakeServices(sandbox);
        services.shell().on("echo out; echo err >&2; exit 42", ScriptedShell.Reply.of("out\n", "err\n", 42));
        services.shell().on("echo 'it'\\''s'", ScriptedShell.Reply.out("it's\n"));
        services.shell().on("exit 9", ScriptedShell.Reply.of("", "", 9));
        adbd = new FakeAdbd(AdbFeatures.ANDROID_10, AdbProtocol.MAX_PAYLOAD, Optional.empty(), services);
        // HOME points at a temp dir: the server creates its keys there, never in the developer's ~/.android.
        AdbProgram adb = AdbProgram.at(ExternalTools.path("adb")).withEnvironment(Map.of("HOME", temp.toString()));
        server = new AdbServer(AdbServerAddress.localhost(freePort()), adb);
        serial = "127.0.0.1:" + adbd.port();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.kill();
        }
        if (adbd != null) {
            adbd.close();
        }
    }

    @Test
    void startsTheServerOnDemandAndListsAConnectedPhone() throws Exception {
        assertThat(server.version()).isEqualTo(41);

        server.connect(serial);

        assertThat(server.devices())
                .filteredOn(d -> d.serial().equals(serial))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.state()).isEqualTo(DeviceState.DEVICE);
                    assertThat(d.model()).contains("Fake_Phone");
                    assertThat(d.product()).contains("fakephone");
                    assertThat(d.device()).contains("fake");
                    assertThat(d.transportId()).isPresent();
                });
        assertThat(server.features(serial).has(AdbFeatures.SHELL_V2)).isTrue();
        try (DeviceTracker tracker = server.trackDevices()) {
            assertThat(tracker.next()).extracting(DeviceInfo::serial).contains(serial);
        }
    }

    @Test
    void runsShellSessionAndSyncThroughTheServer() throws Exception {
        server.connect(serial);
        Device device = Device.of(server.open(serial));

        ShellResult result = device.shell(ShellCommand.script("echo out; echo err >&2; exit 42"));
        assertThat(result.stdoutText()).isEqualTo("out\n");
        assertThat(result.stderrText()).isEqualTo("err\n");
        assertThat(result.exitCode()).isEqualTo(42);

        try (ShellSession session = device.openShellSession()) {
            assertThat(session.run(ShellCommand.of("echo", "it's")).stdoutText())
                    .isEqualTo("it's\n");
            assertThat(session.run(ShellCommand.script("exit 9")).exitCode()).isEqualTo(9);
        }
        try (SyncSession sync = device.sync()) {
            ByteArrayOutputStream note = new ByteArrayOutputStream();
            sync.pull(DevicePath.of("/note.txt"), note);
            assertThat(note.toString()).isEqualTo("from the phone");
        }
        assertThat(adbd.openedServices()).contains("shell,v2,raw:echo out; echo err >&2; exit 42", "sync:");
    }

    @Test
    void namesTheMissingPhoneAndAnUnreachableAddress() throws Exception {
        assertThatThrownBy(() -> Device.of(server.open("no-such-phone")).shell(ShellCommand.script("true")))
                .isInstanceOf(DeviceNotFoundException.class)
                .hasMessageContaining("no-such-phone");
        assertThatThrownBy(() -> server.connect("127.0.0.1:" + freePort()))
                .isInstanceOf(DeviceNotFoundException.class)
                .hasMessageContaining("could not connect");
    }

    @Test
    void explainsThatAdbIsMissingWhenNoServerRuns() throws Exception {
        AdbServer nowhere =
                new AdbServer(AdbServerAddress.localhost(freePort()), AdbProgram.onPath(Map.of("PATH", "")));

        assertThatThrownBy(nowhere::devices)
                .isInstanceOf(AdbServerUnavailableException.class)
                .hasMessageContaining("not installed")
                .hasMessageContaining("HOST:PORT");
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
