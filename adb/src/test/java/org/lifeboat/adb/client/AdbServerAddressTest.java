package org.lifeboat.adb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdbServerAddressTest {
    @Test
    void defaultsToLocalPort5037() {
        assertThat(AdbServerAddress.fromEnvironment(Map.of())).isEqualTo(new AdbServerAddress("127.0.0.1", 5037));
    }

    @Test
    void honoursTheSameVariablesAsAdb() {
        assertThat(AdbServerAddress.fromEnvironment(
                        Map.of("ANDROID_ADB_SERVER_PORT", "5137", "ANDROID_ADB_SERVER_ADDRESS", "10.0.0.2")))
                .isEqualTo(new AdbServerAddress("10.0.0.2", 5137));
        assertThat(AdbServerAddress.fromEnvironment(
                        Map.of("ADB_SERVER_SOCKET", "tcp:host.lan:6000", "ANDROID_ADB_SERVER_PORT", "5137")))
                .isEqualTo(new AdbServerAddress("host.lan", 6000));
        assertThat(AdbServerAddress.fromEnvironment(Map.of("ADB_SERVER_SOCKET", "tcp:7000")))
                .isEqualTo(new AdbServerAddress("127.0.0.1", 7000));
    }

    @Test
    void explainsMalformedSettings() {
        assertThatThrownBy(() -> AdbServerAddress.fromEnvironment(Map.of("ADB_SERVER_SOCKET", "unix:/x")))
                .hasMessageContaining("tcp:HOST:PORT");
        assertThatThrownBy(() -> AdbServerAddress.fromEnvironment(Map.of("ANDROID_ADB_SERVER_PORT", "abc")))
                .hasMessageContaining("ANDROID_ADB_SERVER_PORT");
    }
}
