package org.lifeboat.virtualphone.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.protocol.AdbCommand;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.AdbProtocol;
import org.lifeboat.adb.protocol.ShellV2Packet;
import org.lifeboat.adb.protocol.ShellV2PacketId;
import org.lifeboat.adb.protocol.SyncRequest;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;

/**
 * Garbage, lies and abrupt goodbyes from hosts: the phone drops the offending connection or stream, never its state,
 * and keeps serving everyone else.
 */
class HostileHostTest {
    @TempDir
    Path state;

    AdbDaemon daemon;
    Path precious;
    RawHost bystander;

    @BeforeEach
    void start() throws IOException {
        PhoneFileSystem files = new PhoneFileSystem(state, 34);
        precious = state.resolve("storage/emulated/0/precious.txt");
        Files.writeString(precious, "keep me");
        daemon = AdbDaemon.start(
                InetAddress.getLoopbackAddress(),
                0,
                new DaemonSettings(AdbDaemonTest.BANNER, Optional.empty(), new SecureRandom()),
                files,
                new FakeShell());
        // A well-behaved host connected throughout: it must notice nothing.
        bystander = new RawHost(daemon.port());
        bystander.connect(AdbProtocol.VERSION);
    }

    @AfterEach
    void stop() throws Exception {
        assertPhoneStillServes(bystander);
        try (RawHost fresh = new RawHost(daemon.port())) {
            fresh.connect(AdbProtocol.VERSION);
            assertPhoneStillServes(fresh);
        }
        assertThat(Files.readString(precious)).isEqualTo("keep me");
        bystander.close();
        daemon.close();
    }

    @Test
    void survivesRandomGarbage() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            byte[] garbage = new byte[1 + random.nextInt(5000)];
            random.nextBytes(garbage);
            try (Socket socket = connect()) {
                socket.getOutputStream().write(garbage);
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes();
            } catch (IOException expected) {
                // A reset is as good as a close.
            }
        }
    }

    @Test
    void dropsConnectionsWithBadMagicOrOversizedPayloads() throws IOException {
        for (int[] header : new int[][] {
            {AdbCommand.CNXN.wireValue(), 0, 0, 0x7fffffff, 0, AdbCommand.CNXN.magic()},
            {AdbCommand.CNXN.wireValue(), 0, 0, -1, 0, AdbCommand.CNXN.magic()},
            {AdbCommand.OPEN.wireValue(), 1, 0, 4, 0, 0x12345678},
        }) {
            ByteBuffer bytes = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            for (int field : header) {
                bytes.putInt(field);
            }
            try (Socket socket = connect()) {
                socket.getOutputStream().write(bytes.array());
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void ignoresMessagesForStreamsThatDoNotExistAndRefusesNonsenseServices() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);
            host.writer.write(AdbMessage.write(77, 12345, new byte[] {1, 2, 3}, 0, 3));
            host.writer.write(AdbMessage.okay(77, 999));
            host.writer.write(AdbMessage.close(77, 4242));
            host.writer.write(AdbMessage.open(0, "shell:echo id zero is invalid"));
            for (String service :
                    new String[] {"", "\0\0\0", "shell", "sync:extra", "abb_exec", "reboot:", "x".repeat(70_000)}) {
                assertThat(host.open(service)).as(service).isEmpty();
            }
            assertPhoneStillServes(host);
        }
    }

    @Test
    void endsSyncOnGarbageAndKeepsNoHalfWrittenFile() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);
            RawHost.Stream sync = host.open("sync:").orElseThrow();
            sync.write(ByteArraysForTest.concat(
                    SyncRequest.Send.v1("/sdcard/half.bin", 0644).encode(),
                    SyncRequest.Data.of(new byte[1000], 0, 1000).encode(),
                    "JUNKJUNK".getBytes(StandardCharsets.US_ASCII)));

            assertThat(new String(sync.readUntilClosed(), StandardCharsets.US_ASCII))
                    .contains("unknown command");
            assertThat(state.resolve("storage/emulated/0/half.bin")).doesNotExist();
        }
    }

    @Test
    void removesThePartialFileWhenTheHostVanishesMidPush() throws Exception {
        RawHost host = new RawHost(daemon.port());
        host.connect(AdbProtocol.VERSION);
        RawHost.Stream sync = host.open("sync:").orElseThrow();
        sync.write(ByteArraysForTest.concat(
                SyncRequest.Send.v1("/sdcard/vanished.bin", 0644).encode(),
                SyncRequest.Data.of(new byte[5000], 0, 5000).encode()));
        host.socket().setSoLinger(true, 0);
        host.close();

        Path partial = state.resolve("storage/emulated/0/vanished.bin");
        for (int i = 0; i < 200 && Files.exists(partial); i++) {
            Thread.sleep(50);
        }
        assertThat(partial).doesNotExist();
    }

    @Test
    void survivesHalfClosedAndAbandonedStreams() throws Exception {
        for (int round = 0; round < 20; round++) {
            RawHost host = new RawHost(daemon.port());
            host.connect(AdbProtocol.VERSION);
            // cat waits for stdin that never comes; then the host half-closes and leaves.
            host.open("shell,v2,raw:cat").orElseThrow();
            RawHost.Stream bad = host.open("shell,v2,raw:cat").orElseThrow();
            bad.write(ShellV2Packet.encodeHeader(ShellV2PacketId.STDIN, Integer.MAX_VALUE));
            host.socket().shutdownOutput();
            host.close();
        }
    }

    @Test
    void closesAStreamWhoseHostIgnoresFlowControl() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);
            RawHost.Stream cat = host.open("shell,v2,raw:cat").orElseThrow();
            byte[] packet =
                    ShellV2Packet.of(ShellV2PacketId.STDIN, new byte[60_000]).encode();
            for (int i = 0; i < 100; i++) {
                host.writer.write(AdbMessage.write(cat.hostId, cat.deviceId, packet, 0, packet.length));
            }
            // Whatever the phone answered, it ends with the stream closed and the connection usable.
            cat.readUntilClosed();
            assertPhoneStillServes(host);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), daemon.port());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static void assertPhoneStillServes(RawHost host) throws IOException {
        RawHost.Stream echo = host.open("exec:echo alive").orElseThrow();
        assertThat(new String(echo.readUntilClosed(), StandardCharsets.UTF_8)).isEqualTo("alive\n");
    }
}
