package org.lifeboat.virtualphone.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.protocol.AdbCommand;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.AdbProtocol;
import org.lifeboat.adb.protocol.DeviceBanner;
import org.lifeboat.adb.protocol.ShellV2Packet;
import org.lifeboat.adb.protocol.ShellV2PacketDecoder;
import org.lifeboat.adb.protocol.ShellV2PacketId;
import org.lifeboat.adb.protocol.SyncId;
import org.lifeboat.adb.protocol.SyncProtocol;
import org.lifeboat.adb.protocol.SyncRequest;
import org.lifeboat.adb.protocol.SyncResponseReader;
import org.lifeboat.adb.protocol.SyncStat;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;

class AdbDaemonTest {
    static final DeviceBanner BANNER = new DeviceBanner("virtphone", "Virtual Phone", "virt", AdbFeatures.ANDROID_10);

    @TempDir
    Path state;

    PhoneFileSystem files;
    AdbDaemon daemon;

    @BeforeEach
    void start() throws IOException {
        files = new PhoneFileSystem(state, 34);
        daemon = AdbDaemon.start(
                InetAddress.getLoopbackAddress(),
                0,
                new DaemonSettings(BANNER, Optional.empty(), new SecureRandom()),
                files,
                new FakeShell());
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
    }

    @Test
    void answersConnectWithTheBannerAndOneMebibyte() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            AdbMessage reply = host.connect(AdbProtocol.VERSION);

            assertThat(reply.command()).isEqualTo(AdbCommand.CNXN);
            assertThat(reply.arg0()).isEqualTo(AdbProtocol.VERSION);
            assertThat(reply.arg1()).isEqualTo(AdbProtocol.MAX_PAYLOAD);
            assertThat(reply.payloadText()).isEqualTo(BANNER.encode());
        }
    }

    @Test
    void ignoresEverythingBeforeConnect() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            host.writer.write(AdbMessage.open(5, "shell:echo too early"));
            AdbMessage reply = host.connect(AdbProtocol.VERSION);

            assertThat(reply.command()).isEqualTo(AdbCommand.CNXN);
        }
    }

    @Test
    void refusesUnknownServicesWithClose() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);

            assertThat(host.open("framebuffer:")).isEmpty();
            assertThat(host.open("shell:echo still alive")).isPresent();
        }
    }

    @Test
    void speaksShellVersionTwoWithSeparateStderrAndTheExitStatus() throws Exception {
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);
            RawHost.Stream stream =
                    host.open("shell,v2,TERM=xterm,raw:warn oops").orElseThrow();
            // No stdin is sent: the command never reads it and may have exited (and the stream closed) already,
            // which adbd allows, so a write here would race with the close.

            List<ShellV2Packet> packets = decode(stream.readUntilClosed());

            assertThat(packets)
                    .extracting(ShellV2Packet::id)
                    .containsExactly(ShellV2PacketId.STDERR, ShellV2PacketId.EXIT);
            assertThat(new String(packets.get(0).data(), StandardCharsets.UTF_8))
                    .isEqualTo("oops\n");
            assertThat(packets.get(1).exitStatus()).isZero();
        }
    }

    @Test
    void passesStdinPacketsToTheCommandAndReportsItsStatus() throws Exception {
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);
            RawHost.Stream cat = host.open("shell,v2,raw:cat").orElseThrow();
            byte[] stdin =
                    ShellV2Packet.of(ShellV2PacketId.STDIN, "abc\n".getBytes()).encode();
            byte[] close = ShellV2Packet.closeStdin().encode();
            // Both packets in one write, as the host may merge them.
            cat.write(ByteArraysForTest.concat(stdin, close));

            List<ShellV2Packet> packets = decode(cat.readUntilClosed());
            assertThat(new String(packets.get(0).data(), StandardCharsets.UTF_8))
                    .isEqualTo("abc\n");
            assertThat(packets.get(packets.size() - 1).exitStatus()).isZero();

            RawHost.Stream exit = host.open("shell,v2,raw:exit 7").orElseThrow();
            assertThat(decode(exit.readUntilClosed()).get(0).exitStatus()).isEqualTo(7);
        }
    }

    @Test
    void mergesStderrIntoTheRawStreamWithoutAnExitStatus() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);
            RawHost.Stream stream = host.open("shell:warn merged").orElseThrow();

            assertThat(new String(stream.readUntilClosed(), StandardCharsets.UTF_8))
                    .isEqualTo("merged\n");
        }
    }

    @Test
    void passesAbbArgumentsUnsplit() throws IOException {
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);
            RawHost.Stream stream =
                    host.open("abb_exec:package\0install\0-S\0" + "5\0it's").orElseThrow();

            assertThat(new String(stream.readUntilClosed(), StandardCharsets.UTF_8))
                    .isEqualTo("cmd|package|install|-S|5|it's");
        }
    }

    @Test
    void pushesAndPullsThroughSyncWithMtimeAndLegacyChecksums() throws Exception {
        byte[] content = new byte[200_000];
        new java.util.Random(1).nextBytes(content);
        try (RawHost host = new RawHost(daemon.port())) {
            // An old host version makes the device send byte-sum checksums, which must not disturb anything.
            host.connect(AdbProtocol.VERSION_MIN);
            RawHost.Stream sync = host.open("sync:").orElseThrow();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(SyncRequest.Send.v1("/sdcard/Download/new/blob.bin", 0100644)
                    .encode());
            for (int offset = 0; offset < content.length; offset += SyncProtocol.DEVICE_CHUNK) {
                int length = Math.min(SyncProtocol.DEVICE_CHUNK, content.length - offset);
                request.writeBytes(SyncRequest.Data.of(content, offset, length).encode());
            }
            request.writeBytes(new SyncRequest.Done(1_600_000_000L).encode());
            request.writeBytes(new SyncRequest.Stat(SyncId.STA2, "/sdcard/Download/new/blob.bin").encode());
            request.writeBytes(
                    SyncRequest.Receive.v1("/sdcard/Download/new/blob.bin").encode());
            request.writeBytes(new SyncRequest.Quit().encode());
            // Odd-sized writes, so requests straddle WRTE boundaries.
            byte[] all = request.toByteArray();
            for (int offset = 0; offset < all.length; offset += 70_001) {
                sync.write(java.util.Arrays.copyOfRange(all, offset, Math.min(all.length, offset + 70_001)));
            }

            SyncResponseReader replies =
                    new SyncResponseReader(new java.io.ByteArrayInputStream(sync.readUntilClosed()));
            replies.readStatus();
            SyncStat stat = replies.readStatV2(SyncId.STA2);
            ByteArrayOutputStream pulled = new ByteArrayOutputStream();
            for (Optional<byte[]> chunk = replies.readDataChunk(); chunk.isPresent(); chunk = replies.readDataChunk()) {
                assertThat(chunk.get().length).isLessThanOrEqualTo(SyncProtocol.DEVICE_CHUNK);
                pulled.writeBytes(chunk.get());
            }

            assertThat(stat.size()).isEqualTo(content.length);
            assertThat(stat.mtimeSeconds()).isEqualTo(1_600_000_000L);
            assertThat(pulled.toByteArray()).isEqualTo(content);
            assertThat(files.stat("/sdcard/Download/new/blob.bin").modified())
                    .isEqualTo(Instant.ofEpochSecond(1_600_000_000L));
        }
    }

    @Test
    void listsDirectoriesWithDotEntriesAndReportsMissingFiles() throws Exception {
        Files.writeString(state.resolve("storage/emulated/0/hello.txt"), "hi");
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);
            RawHost.Stream sync = host.open("sync:").orElseThrow();
            sync.write(ByteArraysForTest.concat(
                    new SyncRequest.ListDirectory(SyncId.LIST, "/sdcard/").encode(),
                    new SyncRequest.Stat(SyncId.STAT, "/sdcard/missing").encode(),
                    SyncRequest.Receive.v1("/sdcard/missing").encode()));

            SyncResponseReader replies =
                    new SyncResponseReader(new java.io.ByteArrayInputStream(sync.readUntilClosed()));
            List<String> names = new ArrayList<>();
            replies.readDirectoryEntry(false).ifPresent(e -> names.add(e.name()));
            for (var entry = replies.readDirectoryEntry(false);
                    entry.isPresent();
                    entry = replies.readDirectoryEntry(false)) {
                names.add(entry.get().name());
            }
            assertThat(names).contains(".", "..", "hello.txt", "Android");
            assertThat(replies.readStatV1().exists()).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(replies::readDataChunk)
                    .hasMessage("open failed: No such file or directory");
        }
    }

    @Test
    void servesSeveralConnectionsAndStreamsAtOnce() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<String> outputs = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try (RawHost host = new RawHost(daemon.port())) {
                    host.connect(AdbProtocol.VERSION);
                    RawHost.Stream stream =
                            host.open("exec:echo connection " + n).orElseThrow();
                    outputs.add(new String(stream.readUntilClosed(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    outputs.add("failed: " + e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(outputs)
                .containsExactlyInAnyOrder("connection 0\n", "connection 1\n", "connection 2\n", "connection 3\n");
    }

    /** adbd runs every opened service on a thread of its own (daemon/services.cpp, create_service_thread). */
    @Test
    void aStalledSyncStreamDoesNotHoldUpAnotherStreamOfTheSameConnection() throws Exception {
        Files.writeString(state.resolve("storage/emulated/0/hello.txt"), "hi");
        try (RawHost host = new RawHost(daemon.port())) {
            host.connect(AdbProtocol.VERSION);
            RawHost.Stream pushing = host.open("sync:").orElseThrow();
            pushing.write(ByteArraysForTest.concat(
                    SyncRequest.Send.v1("/sdcard/slow.bin", 0100644).encode(),
                    SyncRequest.Data.of(new byte[] {1, 2, 3}, 0, 3).encode()));

            RawHost.Stream pulling = host.open("sync:").orElseThrow();
            pulling.write(ByteArraysForTest.concat(
                    SyncRequest.Receive.v1("/sdcard/hello.txt").encode(), new SyncRequest.Quit().encode()));
            SyncResponseReader pulled =
                    new SyncResponseReader(new java.io.ByteArrayInputStream(pulling.readUntilClosed()));

            assertThat(pulled.readDataChunk())
                    .hasValueSatisfying(chunk ->
                            assertThat(chunk).asString(StandardCharsets.UTF_8).isEqualTo("hi"));
            assertThat(pulled.readDataChunk()).isEmpty();

            pushing.write(ByteArraysForTest.concat(
                    new SyncRequest.Done(1_600_000_000L).encode(), new SyncRequest.Quit().encode()));
            pushing.readUntilClosed();
            try (var in = files.openRead("/sdcard/slow.bin")) {
                assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
            }
        }
    }

    private static List<ShellV2Packet> decode(byte[] bytes) throws Exception {
        return new ShellV2PacketDecoder().feed(bytes, 0, bytes.length);
    }
}
