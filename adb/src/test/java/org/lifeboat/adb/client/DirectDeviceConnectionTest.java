package org.lifeboat.adb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.auth.AdbKey;
import org.lifeboat.adb.auth.AdbKeyStore;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.AdbProtocol;

class DirectDeviceConnectionTest {
    @TempDir
    Path temp;

    private AdbKey key(String name) throws IOException {
        return new AdbKeyStore(temp.resolve(name), new SecureRandom(), name + "@test").loadOrCreate();
    }

    private FakeAdbd phone(AdbFeatures features, int maxPayload, Optional<RSAPublicKey> trusted) throws IOException {
        Path sandbox = Files.createDirectories(temp.resolve("sandbox"));
        FakeServices services = new FakeServices(sandbox);
        services.shell().on("echo signed", ScriptedShell.Reply.out("signed\n"));
        services.shell().on("echo before", ScriptedShell.Reply.out("before\n"));
        services.shell().on("head -c 1000000 /dev/zero", new ScriptedShell.Reply(new byte[1_000_000], new byte[0], 0));
        return new FakeAdbd(features, maxPayload, trusted, services);
    }

    private static DirectDeviceConnection.Options quick(AdbKey key) {
        DirectDeviceConnection.Options defaults = DirectDeviceConnection.Options.withKey(key);
        return new DirectDeviceConnection.Options(
                defaults.key(), Duration.ofSeconds(5), Duration.ofMillis(500), defaults.threads());
    }

    @Test
    void connectsWithoutAuthAndReadsTheBanner() throws Exception {
        try (FakeAdbd adbd = phone(AdbFeatures.ANDROID_10, AdbProtocol.MAX_PAYLOAD, Optional.empty());
                DirectDeviceConnection connection =
                        DirectDeviceConnection.connect("127.0.0.1", adbd.port(), quick(key("k")))) {
            assertThat(connection.serial()).isEqualTo("127.0.0.1:" + adbd.port());
            assertThat(connection.banner().model()).isEqualTo("Fake Phone");
            assertThat(connection.features().has(AdbFeatures.SHELL_V2)).isTrue();
            assertThat(adbd.offeredKeys()).isEmpty();
        }
    }

    @Test
    void signsTheTokenWithAKeyThePhoneTrusts() throws Exception {
        AdbKey key = key("trusted");
        try (FakeAdbd adbd = phone(
                        AdbFeatures.ANDROID_10,
                        AdbProtocol.MAX_PAYLOAD,
                        Optional.of(key.publicKey().rsaKey()));
                DirectDeviceConnection connection =
                        DirectDeviceConnection.connect("127.0.0.1", adbd.port(), quick(key))) {
            ShellResult result = Device.of(connection).shell(ShellCommand.script("echo signed"));

            assertThat(result.stdoutText()).isEqualTo("signed\n");
            assertThat(adbd.offeredKeys()).isEmpty();
        }
    }

    @Test
    void offersThePublicKeyAndReportsUnauthorizedWhenNobodyAcceptsIt() throws Exception {
        AdbKey stranger = key("stranger");
        try (FakeAdbd adbd = phone(
                AdbFeatures.ANDROID_10,
                AdbProtocol.MAX_PAYLOAD,
                Optional.of(key("owner").publicKey().rsaKey()))) {
            assertThatThrownBy(() -> DirectDeviceConnection.connect("127.0.0.1", adbd.port(), quick(stranger)))
                    .isInstanceOf(DeviceUnauthorizedException.class)
                    .hasMessageContaining("accept");
            assertThat(adbd.offeredKeys()).containsExactly(stranger.publicKey().toText("stranger@test"));
        }
    }

    @Test
    void aRefusedServiceIsATypedError() throws Exception {
        try (FakeAdbd adbd = phone(AdbFeatures.ANDROID_10, AdbProtocol.MAX_PAYLOAD, Optional.empty());
                DirectDeviceConnection connection =
                        DirectDeviceConnection.connect("127.0.0.1", adbd.port(), quick(key("k")))) {
            assertThatThrownBy(() -> connection.open(DeviceService.of("framebuffer:")))
                    .isInstanceOf(ServiceRefusedException.class)
                    .hasMessageContaining("framebuffer:");
        }
    }

    @Test
    void movesMegabytesBothWaysThroughASmallWindow() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        try (FakeAdbd adbd = phone(AdbFeatures.ANDROID_10, 4096, Optional.empty());
                DirectDeviceConnection connection =
                        DirectDeviceConnection.connect("127.0.0.1", adbd.port(), quick(key("k")))) {
            Device device = Device.of(connection);
            try (SyncSession sync = device.sync()) {
                sync.push(
                        new java.io.ByteArrayInputStream(content),
                        DevicePath.of("/big.bin"),
                        0100644,
                        java.time.Instant.ofEpochSecond(1_700_000_000));
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                assertThat(sync.pull(DevicePath.of("/big.bin"), back)).isEqualTo(content.length);
                assertThat(back.toByteArray()).isEqualTo(content);
            }
            try (InputStream zeros = device.exec(ShellCommand.script("head -c 1000000 /dev/zero"))) {
                assertThat(zeros.readAllBytes()).hasSize(1_000_000);
            }
        }
    }

    @Test
    void aDroppedConnectionFailsTheStreamWithDisconnected() throws Exception {
        try (FakeAdbd adbd = phone(AdbFeatures.ANDROID_10, AdbProtocol.MAX_PAYLOAD, Optional.empty());
                DirectDeviceConnection connection =
                        DirectDeviceConnection.connect("127.0.0.1", adbd.port(), quick(key("k")))) {
            Device device = Device.of(connection);
            try (ShellSession session = device.openShellSession()) {
                assertThat(session.run(ShellCommand.script("echo before")).stdoutText())
                        .isEqualTo("before\n");
                adbd.dropConnections();

                assertThatThrownBy(() -> session.run(ShellCommand.script("echo after")))
                        .isInstanceOf(DeviceDisconnectedException.class)
                        .hasMessageContaining("reconnect");
            }
            assertThatThrownBy(() -> device.shell(ShellCommand.script("true")))
                    .isInstanceOf(DeviceDisconnectedException.class);
        }
    }

    @Test
    void nobodyListeningIsDeviceNotFound() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatThrownBy(() -> DirectDeviceConnection.connect("127.0.0.1", port, quick(key("k"))))
                .isInstanceOf(DeviceNotFoundException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }
}
