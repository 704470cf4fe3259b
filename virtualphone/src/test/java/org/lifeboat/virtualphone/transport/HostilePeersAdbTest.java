package org.lifeboat.virtualphone.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.protocol.AdbCommand;
import org.lifeboat.adb.protocol.AdbProtocol;
import org.lifeboat.adb.protocol.SyncRequest;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;
import org.lifeboat.virtualphone.profile.Profiles;

/**
 * A whole phone (shell, package manager, providers) attacked by hostile hosts while Debian's adb uses it: adb's
 * work succeeds throughout, and afterwards the phone's files, packages and messages are exactly as adb left them.
 */
@RequiresTool("adb")
class HostilePeersAdbTest {
    @TempDir
    Path temp;

    @Test
    void keepsServingAdbAndKeepsItsStateWhileHostsMisbehave() throws Exception {
        String blank =
                Profiles.resolve("blank", 1, temp.resolve("profiles")).root().toString();
        byte[] precious = new byte[400_000];
        new Random(5).nextBytes(precious);
        Path local = temp.resolve("precious.bin");
        Files.write(local, precious);

        try (VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of(blank, temp.resolve("state")));
                AdbTool adb = new AdbTool(Files.createDirectories(temp.resolve("home")))) {
            String serial = adb.connect(phone.port());
            assertThat(adb.run("-s", serial, "push", local.toString(), "/sdcard/Download/precious.bin")
                            .exitCode())
                    .isZero();
            String packagesBefore =
                    adb.run("-s", serial, "shell", "pm list packages -f").stdout();
            String settingsBefore =
                    adb.run("-s", serial, "shell", "settings list global").stdout();

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<List<AdbTool.Result>> honest = pool.submit(() -> pullRepeatedly(adb, serial, 6));
                Future<?> hostile = pool.submit(() -> {
                    attack(phone.port());
                    return null;
                });
                hostile.get();
                for (AdbTool.Result pull : honest.get()) {
                    assertThat(pull.exitCode()).as(pull.toString()).isZero();
                }
            } finally {
                pool.shutdown();
            }
            for (int i = 0; i < 6; i++) {
                assertThat(Files.readAllBytes(temp.resolve("honest" + i))).isEqualTo(precious);
            }

            awaitListing(adb, serial, "precious.bin\n");
            assertThat(adb.run("-s", serial, "shell", "pm list packages -f").stdout())
                    .isEqualTo(packagesBefore);
            assertThat(adb.run("-s", serial, "shell", "settings list global").stdout())
                    .isEqualTo(settingsBefore);
            assertThat(adb.run("-s", serial, "shell", "exit 3").exitCode()).isEqualTo(3);
        }
    }

    private List<AdbTool.Result> pullRepeatedly(AdbTool adb, String serial, int times) throws Exception {
        List<AdbTool.Result> results = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            results.add(adb.run(
                    "-s",
                    serial,
                    "pull",
                    "/sdcard/Download/precious.bin",
                    temp.resolve("honest" + i).toString()));
        }
        return results;
    }

    private static void attack(int port) throws IOException {
        Random random = new Random(99);
        for (int round = 0; round < 20; round++) {
            byte[] garbage = new byte[1 + random.nextInt(4000)];
            random.nextBytes(garbage);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(garbage);
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes();
            } catch (IOException resetIsAsGoodAsClose) {
                // The phone may reset a connection that sent garbage.
            }
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(header(AdbCommand.CNXN, 0x7fff_ffff));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        try (RawHost host = new RawHost(port)) {
            host.connect(AdbProtocol.VERSION);
            for (String service : List.of("reboot:", "root:", "jdwp:1", "shell", "x".repeat(70_000))) {
                assertThat(host.open(service)).as(service).isEmpty();
            }
        }
        // Hosts that vanish mid-install, mid-push and with a shell still waiting for stdin.
        abandon(port, "abb_exec:package\u0000install\u0000-S\u0000100000", new byte[5000]);
        abandon(
                port,
                "sync:",
                ByteArraysForTest.concat(
                        SyncRequest.Send.v1("/sdcard/Download/partial.bin", 0644)
                                .encode(),
                        SyncRequest.Data.of(new byte[5000], 0, 5000).encode()));
        RawHost halfClosed = new RawHost(port);
        halfClosed.connect(AdbProtocol.VERSION);
        halfClosed.open("shell,v2,raw:cat").orElseThrow();
        halfClosed.socket().shutdownOutput();
        halfClosed.close();
    }

    private static void abandon(int port, String service, byte[] firstWrite) throws IOException {
        RawHost host = new RawHost(port);
        host.connect(AdbProtocol.VERSION);
        host.open(service).orElseThrow().write(firstWrite);
        host.socket().setSoLinger(true, 0);
        host.close();
    }

    /** A partial push is removed when its host vanishes; that happens on the phone's own time. */
    private static void awaitListing(AdbTool adb, String serial, String expected) throws Exception {
        String listing = "";
        for (int i = 0; i < 100 && !listing.equals(expected); i++) {
            listing = adb.run("-s", serial, "shell", "ls /sdcard/Download").stdout();
            Thread.sleep(100);
        }
        assertThat(listing).isEqualTo(expected);
    }

    private static byte[] header(AdbCommand command, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(command.wireValue())
                .putInt(0)
                .putInt(0)
                .putInt(length)
                .putInt(0)
                .putInt(command.magic());
        return bytes.array();
    }
}
