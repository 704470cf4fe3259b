package org.lifeboat.cli.adbclient;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.auth.AdbKey;
import org.lifeboat.adb.auth.AdbKeyStore;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DirectDeviceConnection;
import org.lifeboat.virtualphone.VirtualPhone;

/** The client talking straight to the virtual phone's adbd over TCP, as to a phone in {@code adb tcpip} mode. */
class DirectConnectionTest extends PhoneClientContract {
    @TempDir
    static Path keys;

    private static AdbKey key;

    @BeforeAll
    static void createKey() throws IOException {
        key = new AdbKeyStore(keys, new SecureRandom(), "test@lifeboat").loadOrCreate();
    }

    @Override
    Device connect(VirtualPhone phone) throws IOException {
        return Device.of(
                DirectDeviceConnection.connect("127.0.0.1", phone.port(), DirectDeviceConnection.Options.withKey(key)));
    }
}
