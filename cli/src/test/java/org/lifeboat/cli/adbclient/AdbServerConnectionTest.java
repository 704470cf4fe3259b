package org.lifeboat.cli.adbclient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.client.AdbProgram;
import org.lifeboat.adb.client.AdbServer;
import org.lifeboat.adb.client.AdbServerAddress;
import org.lifeboat.adb.client.Device;
import org.lifeboat.testkit.ExternalTools;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.VirtualPhone;

/**
 * The client going through Debian's real adb server, which holds the connection to the virtual phone. The server is
 * private to this class: its own port, and a temporary HOME so its keys never touch the developer's ~/.android.
 */
@RequiresTool("adb")
class AdbServerConnectionTest extends PhoneClientContract {
    @TempDir
    static Path serverHome;

    private static AdbServer server;

    @BeforeAll
    static void startServer() throws IOException {
        AdbProgram adb =
                AdbProgram.at(ExternalTools.path("adb")).withEnvironment(Map.of("HOME", serverHome.toString()));
        server = new AdbServer(AdbServerAddress.localhost(freePort()), adb);
        server.version();
    }

    @AfterAll
    static void killServer() throws IOException {
        if (server != null) {
            server.kill();
        }
    }

    @Override
    Device connect(VirtualPhone phone) throws IOException {
        server.connect(phone.serial());
        return Device.of(server.open(phone.serial()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
