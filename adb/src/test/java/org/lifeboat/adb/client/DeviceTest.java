package org.lifeboat.adb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifeboat.adb.auth.AdbKeyStore;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.AdbProtocol;

/**
 * Shell framing, sync and install against a fake adbd whose shell answers from a script, with Android 10's features,
 * a partial set and none. What a real shell makes of the commands is tested against the virtual phone in the cli
 * module (org.lifeboat.cli.adbclient).
 */
class DeviceTest {
    @TempDir
    Path temp;

    private FakeAdbd adbd;
    private FakeServices services;
    private DirectDeviceConnection connection;

    static List<AdbFeatures> featureSets() {
        return List.of(AdbFeatures.ANDROID_10, AdbFeatures.of(AdbFeatures.SHELL_V2, AdbFeatures.CMD), AdbFeatures.NONE);
    }

    private Device device(AdbFeatures features) throws IOException {
        Path sandbox = Files.createDirectories(temp.resolve("sandbox"));
        Files.createDirectories(sandbox.resolve("data/local/tmp"));
        services = new FakeServices(sandbox);
        services.shell()
                .on("printf 'no newline'; echo oops >&2; exit 3", ScriptedShell.Reply.of("no newline", "oops\n", 3));
        adbd = new FakeAdbd(features, AdbProtocol.MAX_PAYLOAD, Optional.empty(), services);
        var key = new AdbKeyStore(temp.resolve("keys"), new SecureRandom(), "t@t").loadOrCreate();
        connection =
                DirectDeviceConnection.connect("127.0.0.1", adbd.port(), DirectDeviceConnection.Options.withKey(key));
        return Device.of(connection);
    }

    @AfterEach
    void stop() throws IOException {
        if (connection != null) {
            connection.close();
        }
        if (adbd != null) {
            adbd.close();
        }
    }

    @ParameterizedTest
    @MethodSource("featureSets")
    void shellReturnsOutputAndExitCodeWithOrWithoutTheShellProtocol(AdbFeatures features) throws Exception {
        Device device = device(features);

        ShellResult result = device.shell(ShellCommand.script("printf 'no newline'; echo oops >&2; exit 3"));

        assertThat(result.exitCode()).isEqualTo(3);
        if (features.has(AdbFeatures.SHELL_V2)) {
            assertThat(result.stdoutText()).isEqualTo("no newline");
            assertThat(result.stderrText()).isEqualTo("oops\n");
            assertThat(result.stderrMerged()).isFalse();
        } else {
            assertThat(result.stdoutText()).isEqualTo("no newlineoops\n");
            assertThat(result.stderrMerged()).isTrue();
            assertThat(adbd.openedServices()).anyMatch(s -> s.startsWith("shell:"));
        }
    }

    @ParameterizedTest
    @MethodSource("featureSets")
    void aSessionFramesEveryCommandWhateverItPrints(AdbFeatures features) throws Exception {
        Device device = device(features);
        byte[] big = new byte[300_000];
        new Random(3).nextBytes(big);
        // Output that ends without a newline and spans many packets, so the sentinel arrives split across reads.
        services.shell().on("cat big.bin", new ScriptedShell.Reply(big, new byte[0], 0));
        services.shell().on("echo partial; exit 7", ScriptedShell.Reply.of("partial\n", "bad\n", 7));

        try (ShellSession session = device.openShellSession()) {
            for (int round = 0; round < 3; round++) {
                ShellResult result = session.run(ShellCommand.script("cat big.bin"));
                assertThat(result.stdout()).isEqualTo(big);
                assertThat(result.exitCode()).isZero();

                ShellResult failed = session.run(ShellCommand.script("echo partial; exit 7"));
                assertThat(failed.exitCode()).isEqualTo(7);
                if (features.has(AdbFeatures.SHELL_V2)) {
                    assertThat(failed.stdoutText()).isEqualTo("partial\n");
                    assertThat(failed.stderrText()).isEqualTo("bad\n");
                } else {
                    assertThat(failed.stdoutText()).isEqualTo("partial\nbad\n");
                    assertThat(failed.stderrMerged()).isTrue();
                }
            }
            assertThatThrownBy(() ->
                            session.run(ShellCommand.script("false")).requireSuccess(ShellCommand.script("false")))
                    .isInstanceOf(ShellCommandFailedException.class)
                    .hasMessageContaining("exit code 127");
        }
    }

    @ParameterizedTest
    @MethodSource("featureSets")
    void syncStatsListsPullsAndPushes(AdbFeatures features) throws Exception {
        Device device = device(features);
        Path sandbox = temp.resolve("sandbox");
        Files.createDirectories(sandbox.resolve("DCIM"));
        byte[] photo = new byte[200_000];
        new Random(1).nextBytes(photo);
        Files.write(sandbox.resolve("DCIM/a b.jpg"), photo);
        Files.setLastModifiedTime(sandbox.resolve("DCIM/a b.jpg"), FileTime.from(Instant.ofEpochSecond(1_600_000_000)));

        try (SyncSession sync = device.sync()) {
            RemoteFileStat stat = sync.stat(DevicePath.of("/DCIM/a b.jpg")).orElseThrow();
            assertThat(stat.size()).isEqualTo(photo.length);
            assertThat(stat.mtime()).isEqualTo(Instant.ofEpochSecond(1_600_000_000));
            assertThat(stat.isRegularFile()).isTrue();
            assertThat(stat.sizeExact()).isEqualTo(features.has(AdbFeatures.STAT_V2));
            assertThat(sync.stat(DevicePath.of("/nothing"))).isEmpty();

            assertThat(sync.list(DevicePath.of("/DCIM")))
                    .extracting(RemoteDirEntry::name)
                    .containsExactly(DevicePath.of("a b.jpg"));

            ByteArrayOutputStream pulled = new ByteArrayOutputStream();
            assertThat(sync.pull(DevicePath.of("/DCIM/a b.jpg"), pulled)).isEqualTo(photo.length);
            assertThat(pulled.toByteArray()).isEqualTo(photo);

            assertThatThrownBy(() -> sync.pull(DevicePath.of("/missing.jpg"), new ByteArrayOutputStream()))
                    .isInstanceOf(RemoteFileException.class)
                    .hasMessageContaining("No such file");

            sync.push(
                    new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)),
                    DevicePath.of("/DCIM/up,load.txt"),
                    0100644,
                    Instant.ofEpochSecond(1_500_000_000));
            assertThat(Files.readString(sandbox.resolve("DCIM/up,load.txt"))).isEqualTo("hello");
            assertThat(Files.getLastModifiedTime(sandbox.resolve("DCIM/up,load.txt"))
                            .toInstant())
                    .isEqualTo(Instant.ofEpochSecond(1_500_000_000));
        }
    }

    @ParameterizedTest
    @MethodSource("featureSets")
    void installsStreamingWhenThePhoneCan(AdbFeatures features) throws Exception {
        Device device = device(features);
        byte[] apk = {'P', 'K', 3, 4, 1, 2, 3};
        ApkFile file = new ApkFile("app.apk", apk.length, () -> new ByteArrayInputStream(apk));

        if (!features.has(AdbFeatures.CMD)) {
            // Push install: staged through sync, installed by pm, then removed (the fake only records the rm).
            services.shell().on("pm 'install' '-r' '/data/local/tmp/app.apk'", ScriptedShell.Reply.out("Success\n"));
            device.install(file, List.of("-r"));
            assertThat(adbd.openedServices())
                    .anyMatch(s -> s.startsWith("shell:") && s.contains("pm") && s.contains("/data/local/tmp/app.apk"));
            assertThat(temp.resolve("sandbox/data/local/tmp/app.apk")).hasBinaryContent(apk);
            assertThat(adbd.openedServices()).anyMatch(s -> s.contains("rm") && s.contains("/data/local/tmp/app.apk"));
            return;
        }
        device.install(file, List.of("-r"));

        String expectedPrefix = features.has(AdbFeatures.ABB_EXEC)
                ? "abb_exec:package install -r -S 7"
                : "exec:cmd package 'install' '-r' -S 7";
        assertThat(services.installed()).containsKey(expectedPrefix);
        assertThat(services.installed().get(expectedPrefix)).isEqualTo(apk);

        ApkFile notAnApk = new ApkFile("bad.apk", 3, () -> new ByteArrayInputStream(new byte[3]));
        assertThatThrownBy(() -> device.install(notAnApk, List.of()))
                .isInstanceOf(InstallFailedException.class)
                .hasMessageContaining("INSTALL_PARSE_FAILED_NOT_APK");
    }

    @ParameterizedTest
    @MethodSource("featureSets")
    void installsSplitApksInOneSession(AdbFeatures features) throws Exception {
        Device device = device(features);
        if (!features.has(AdbFeatures.CMD)) {
            return; // without cmd the fake would need a pm binary; the session commands are the same with "pm"
        }
        byte[] base = {'P', 'K', 1};
        byte[] split = {'P', 'K', 2, 2};

        device.installMultiple(
                List.of(
                        new ApkFile("base.apk", 3, () -> new ByteArrayInputStream(base)),
                        new ApkFile("split_config.en.apk", 4, () -> new ByteArrayInputStream(split))),
                List.of());

        assertThat(services.installed().get("exec:cmd package install-write -S 3 1234 'base.apk' -"))
                .isEqualTo(base);
        assertThat(services.installed().get("exec:cmd package install-write -S 4 1234 'split_config.en.apk' -"))
                .isEqualTo(split);
        assertThat(services.installed()).containsKey("exec:cmd package install-commit 1234");
    }
}
