package org.lifeboat.cli.adbclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.auth.AdbKey;
import org.lifeboat.adb.auth.AdbKeyStore;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DeviceUnauthorizedException;
import org.lifeboat.adb.client.DirectDeviceConnection;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;

/** The direct connection's RSA handshake against a phone started like {@code virtual-phone --auth}. */
class DirectAuthenticationTest {
    @TempDir
    Path temp;

    @Test
    void aPhoneWithoutAuthAcceptsAnyHost() throws Exception {
        try (VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of("blank", temp.resolve("phone")));
                Device device = connect(phone, key("anyone"))) {
            assertThat(device.shell(ShellCommand.script("echo open")).stdoutText())
                    .isEqualTo("open\n");
        }
    }

    @Test
    void aSecurePhoneAcceptsAKeyListedInAdbKeys() throws Exception {
        AdbKey owner = key("owner");

        try (VirtualPhone phone = securePhoneTrusting(owner);
                Device device = connect(phone, owner)) {
            assertThat(device.shell(ShellCommand.script("echo signed; exit 3")).exitCode())
                    .isEqualTo(3);
        }
    }

    @Test
    void aSecurePhoneLeavesAnUnknownHostUnauthorized() throws Exception {
        try (VirtualPhone phone = securePhoneTrusting(key("owner"))) {
            assertThatThrownBy(() -> connect(phone, key("stranger")))
                    .isInstanceOf(DeviceUnauthorizedException.class)
                    .hasMessageContaining(phone.serial());
        }
    }

    /**
     * As a user of {@code virtual-phone --auth} does: the first start fills the state folder, then the host's
     * adbkey.pub goes into STATE/adb_keys, then the phone restarts with authentication on.
     */
    private VirtualPhone securePhoneTrusting(AdbKey host) throws IOException {
        VirtualPhoneConfig config = VirtualPhoneConfig.of("blank", temp.resolve("phone"));
        VirtualPhone.start(config).close();
        Files.writeString(config.adbKeysFile(), host.publicKey().toText(host.comment()) + "\n", StandardCharsets.UTF_8);
        return VirtualPhone.start(config.withAuth(true));
    }

    private AdbKey key(String name) throws IOException {
        return new AdbKeyStore(temp.resolve("keys-" + name), new SecureRandom(), name + "@lifeboat").loadOrCreate();
    }

    /** Waits only briefly for the "allow USB debugging?" tap that never comes on a virtual phone. */
    private static Device connect(VirtualPhone phone, AdbKey key) throws IOException {
        DirectDeviceConnection.Options defaults = DirectDeviceConnection.Options.withKey(key);
        DirectDeviceConnection.Options quick = new DirectDeviceConnection.Options(
                defaults.key(), Duration.ofSeconds(10), Duration.ofSeconds(1), defaults.threads());
        return Device.of(DirectDeviceConnection.connect("127.0.0.1", phone.port(), quick));
    }
}
