package org.lifeboat.virtualphone.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.DeviceBanner;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.testing.HostFiles;

/** Debian's adb 29.0.6 against the transport, with a stand-in shell: the wire protocol alone. */
@RequiresTool("adb")
class RealAdbTransportTest {
    @TempDir
    static Path temp;

    static AdbTool adb;
    static PhoneFileSystem files;
    static AdbDaemon modern;
    static AdbDaemon legacy;
    static String modernSerial;
    static String legacySerial;

    @BeforeAll
    static void start() throws Exception {
        adb = new AdbTool(Files.createDirectories(temp.resolve("home")));
        files = new PhoneFileSystem(temp.resolve("phone"), 34);
        modern = start(AdbFeatures.ANDROID_10, "Virtual Phone");
        // No shell_v2, stat_v2, ls_v2, cmd or abb: the oldest paths the host has.
        legacy = start(AdbFeatures.NONE, "Old Phone");
        modernSerial = adb.connect(modern.port());
        legacySerial = adb.connect(legacy.port());
    }

    private static AdbDaemon start(AdbFeatures features, String model) throws IOException {
        DeviceBanner banner = new DeviceBanner("virtphone", model, "virt", features);
        return AdbDaemon.start(
                InetAddress.getLoopbackAddress(),
                0,
                new DaemonSettings(banner, Optional.empty(), new SecureRandom()),
                files,
                new FakeShell());
    }

    @AfterAll
    static void stop() throws Exception {
        adb.close();
        modern.close();
        legacy.close();
    }

    @Test
    void listsBothPhonesWithTheirModels() throws Exception {
        String devices = adb.run("devices", "-l").stdout();

        assertThat(devices)
                .containsPattern(modernSerial.replace(".", "\\.") + " +device product:virtphone "
                        + "model:Virtual_Phone device:virt");
        assertThat(devices).contains("model:Old_Phone");
    }

    @Test
    void getsTheExitStatusOnlyWithShellVersionTwo() throws Exception {
        assertThat(adb.run("-s", modernSerial, "shell", "exit 7").exitCode()).isEqualTo(7);
        assertThat(adb.run("-s", legacySerial, "shell", "exit 7").exitCode()).isZero();

        AdbTool.Result stderr = adb.run("-s", modernSerial, "shell", "warn", "to stderr");
        assertThat(stderr.stderr()).isEqualTo("to stderr\n");
        assertThat(stderr.stdout()).isEmpty();
    }

    @Test
    void pushesAndPullsTheSameBytesAndMtimeWithAndWithoutSyncVersionTwo() throws Exception {
        Path local = temp.resolve("upload.bin");
        Instant mtime = Instant.parse("2021-03-04T05:06:07Z");
        byte[] content = HostFiles.writeRandom(local, 300_000, 7, mtime);

        for (String serial : List.of(modernSerial, legacySerial)) {
            String remote = "/sdcard/Transfer/" + serial.replace(':', '_') + ".bin";
            assertThat(adb.run("-s", serial, "push", local.toString(), remote).exitCode())
                    .isZero();
            Path pulled = temp.resolve("pulled-" + serial.replace(':', '_'));
            AdbTool.Result pull = adb.run("-s", serial, "pull", "-a", remote, pulled.toString());

            assertThat(pull.exitCode()).as(pull.toString()).isZero();
            assertThat(Files.readAllBytes(pulled)).isEqualTo(content);
            assertThat(Files.getLastModifiedTime(pulled).toInstant()).isEqualTo(mtime);
        }
    }

    @Test
    void pullsFourFilesInParallel() throws Exception {
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] content = new byte[500_000 + i];
            new Random(i).nextBytes(content);
            contents.add(content);
            Path dir = temp.resolve("phone/storage/emulated/0/Parallel");
            Files.createDirectories(dir);
            Files.write(dir.resolve("file" + i), content);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AdbTool.Result>> pulls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String target = temp.resolve("parallel" + i).toString();
                String remote = "/sdcard/Parallel/file" + i;
                Callable<AdbTool.Result> pull = () -> adb.run("-s", modernSerial, "pull", remote, target);
                pulls.add(pool.submit(pull));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(pulls.get(i).get().exitCode()).isZero();
                assertThat(Files.readAllBytes(temp.resolve("parallel" + i))).isEqualTo(contents.get(i));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void reportsAMissingRemoteFile() throws Exception {
        AdbTool.Result pull = adb.run(
                "-s", modernSerial, "pull", "/sdcard/nope", temp.resolve("nope").toString());

        assertThat(pull.exitCode()).isEqualTo(1);
        // With stat_v2 the host reports the errno the phone put in the STA2 reply.
        assertThat(pull.stdout() + pull.stderr())
                .contains("failed to stat remote object '/sdcard/nope': No such file or directory");
    }
}
