package org.lifeboat.cli.adbclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DeviceDisconnectedException;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteDirEntry;
import org.lifeboat.adb.client.RemoteFileException;
import org.lifeboat.adb.client.RemoteFileStat;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellResult;
import org.lifeboat.adb.client.ShellSession;
import org.lifeboat.adb.client.SyncSession;
import org.lifeboat.cli.adbclient.TestPhones.Features;
import org.lifeboat.virtualphone.VirtualPhone;

/**
 * What Lifeboat's adb client must do against the virtual phone, whatever carries the streams: each subclass connects
 * one way (straight to adbd, or through a real adb server). Every behaviour runs with the modern feature set and
 * with every feature stripped, where the client must fall back to the legacy services.
 */
abstract class PhoneClientContract {
    /** 5 GiB + 7: more than sync v1's 32-bit size field can carry. */
    private static final long SPARSE_SIZE = 5L * 1024 * 1024 * 1024 + 7;

    @TempDir
    Path temp;

    private VirtualPhone phone;
    private Device device;

    /** Opens a connection to {@code phone} the way this transport does. */
    abstract Device connect(VirtualPhone phone) throws IOException;

    private Device start(Features features) throws IOException {
        phone = TestPhones.start(temp.resolve("phone"), features);
        device = connect(phone);
        return device;
    }

    @AfterEach
    void stopPhone() throws IOException {
        if (device != null) {
            device.close();
        }
        if (phone != null) {
            phone.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Features.class)
    void shellReturnsExitCodesAndStderr(Features features) throws Exception {
        Device device = start(features);

        ShellResult result = device.shell(ShellCommand.script("echo out; echo err >&2; exit 42"));
        ShellResult missing = device.shell(ShellCommand.script("frobnicate now"));

        assertThat(result.exitCode()).isEqualTo(42);
        assertThat(missing.exitCode()).isEqualTo(127);
        String notFound = "/system/bin/sh: frobnicate: inaccessible or not found\n";
        if (features.modern()) {
            assertThat(result.stdoutText()).isEqualTo("out\n");
            assertThat(result.stderrText()).isEqualTo("err\n");
            assertThat(missing.stderrText()).isEqualTo(notFound);
        } else {
            // Without shell_v2 the status comes back through the sentinel, with stderr folded into stdout.
            assertThat(result.stdoutText()).isEqualTo("out\nerr\n");
            assertThat(result.stderrMerged()).isTrue();
            assertThat(missing.stdoutText()).isEqualTo(notFound);
        }
        assertThat(device.shell(ShellCommand.script("getprop ro.build.version.sdk"))
                        .stdoutText())
                .matches("\\d{2}\n");
    }

    @ParameterizedTest
    @EnumSource(Features.class)
    void aShellSessionRunsManyCommandsWithHostileArguments(Features features) throws Exception {
        Device device = start(features);
        List<byte[]> hostile = List.of(
                "it's \"quoted\" and '\\'' spliced".getBytes(StandardCharsets.UTF_8),
                "line one\nline two\r\n\n".getBytes(StandardCharsets.UTF_8),
                "$HOME ${X} $? `id` $(reboot) ; exit 3 && rm -rf / | cat &".getBytes(StandardCharsets.UTF_8),
                "LIFEBOAT_END_00000000000000000000000000000000 0\n".getBytes(StandardCharsets.UTF_8),
                "Grüße 👋 \\n \\0101 %s %n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 'a', (byte) 0xc3, '\'', (byte) 0xe2, (byte) 0x82, '\n'});

        try (ShellSession session = device.openShellSession()) {
            for (int round = 0; round < 20; round++) {
                for (byte[] word : hostile) {
                    ShellResult echoed = session.run(ShellCommand.builder()
                            .word("echo")
                            .word("-nE")
                            .arg(DevicePath.ofBytes(word))
                            .build());
                    assertThat(echoed.stdout()).isEqualTo(word);
                    assertThat(echoed.exitCode()).isZero();
                }
            }
            ShellResult failed = session.run(ShellCommand.script("echo partial; ls /no/such/dir; cd /sdcard; exit 7"));
            assertThat(failed.exitCode()).isEqualTo(7);
            assertThat(failed.stdoutText()).startsWith("partial\n");
            assertThat(features.modern() ? failed.stderrText() : failed.stdoutText())
                    .contains("/no/such/dir");

            // Each command runs in its own subshell: the cd and exit above changed nothing for the next one.
            assertThat(session.run(ShellCommand.script("pwd")).stdoutText()).isEqualTo("/\n");
            assertThat(session.run(ShellCommand.script("echo 'unterminated")).exitCode())
                    .isEqualTo(1);
            ShellResult noStdin = session.run(ShellCommand.script("cat; echo still-here"));
            assertThat(noStdin.stdoutText()).isEqualTo("still-here\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Features.class)
    void syncPushesStatsListsAndPullsWithModificationTimes(Features features) throws Exception {
        Device device = start(features);
        byte[] photo = new byte[300_000];
        new Random(1).nextBytes(photo);
        String path = "/sdcard/DCIM/it's a, b.jpg";
        DevicePath target = DevicePath.of(path);
        Instant mtime = Instant.ofEpochSecond(1_600_000_000);

        try (SyncSession sync = device.sync()) {
            sync.push(new ByteArrayInputStream(photo), target, 0100644, mtime);

            RemoteFileStat stat = sync.stat(target).orElseThrow();
            assertThat(stat.size()).isEqualTo(photo.length);
            assertThat(stat.mtime()).isEqualTo(mtime);
            assertThat(stat.isRegularFile()).isTrue();
            assertThat(stat.sizeExact()).isEqualTo(features.modern());
            assertThat(sync.stat(DevicePath.of("/sdcard/DCIM/nothing.jpg"))).isEmpty();
            assertThat(sync.list(DevicePath.of("/sdcard/DCIM"))).singleElement().satisfies(entry -> {
                assertThat(entry.name()).isEqualTo(target.fileName());
                assertThat(entry.stat().mtime()).isEqualTo(mtime);
                assertThat(entry.stat().size()).isEqualTo(photo.length);
            });

            ByteArrayOutputStream pulled = new ByteArrayOutputStream();
            assertThat(sync.pull(target, pulled)).isEqualTo(photo.length);
            assertThat(pulled.toByteArray()).isEqualTo(photo);
            assertThatThrownBy(() -> sync.pull(DevicePath.of("/sdcard/missing.jpg"), new ByteArrayOutputStream()))
                    .isInstanceOf(RemoteFileException.class)
                    .hasMessageContaining("No such file");
        }
        assertThat(phone.device().fileSystem().stat(path).modified()).isEqualTo(mtime);
    }

    @ParameterizedTest
    @EnumSource(Features.class)
    void aSparseFileOverFourGibibytesKeepsItsSizeOnlyWithSyncV2(Features features) throws Exception {
        Device device = start(features);
        phone.device().fileSystem().truncate("/sdcard/big.bin", SPARSE_SIZE);
        // Sync v1 carries sizes in 32 bits, so an old phone reports the size modulo 4 GiB (adb-protocol.md).
        long expected = features.modern() ? SPARSE_SIZE : SPARSE_SIZE & 0xffff_ffffL;

        try (SyncSession sync = device.sync()) {
            RemoteFileStat stat = sync.stat(DevicePath.of("/sdcard/big.bin")).orElseThrow();
            assertThat(stat.size()).isEqualTo(expected);
            assertThat(stat.sizeExact()).isEqualTo(features.modern());
            assertThat(sync.list(DevicePath.of("/sdcard")))
                    .filteredOn(entry -> entry.name().equals(DevicePath.of("big.bin")))
                    .singleElement()
                    .extracting(RemoteDirEntry::stat)
                    .extracting(RemoteFileStat::size)
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Features.class)
    void installsAnAppAndASplitApp(Features features) throws Exception {
        Device device = start(features);
        ApkFile[] split = TestPhones.splitApp("org.example.split");

        device.install(TestPhones.baseApk("org.example.notes", "notes.apk"), List.of());
        device.installMultiple(List.of(split), List.of());

        String packages =
                device.shell(ShellCommand.script("pm list packages -3")).stdoutText();
        assertThat(packages).contains("package:org.example.notes\n", "package:org.example.split\n");
        String paths =
                device.shell(ShellCommand.of("pm", "path", "org.example.split")).stdoutText();
        assertThat(paths.lines()).hasSize(2).allMatch(line -> line.startsWith("package:/data/app/"));
        // The push-install fallback stages the APK in /data/local/tmp and must not leave it there.
        assertThat(device.shell(ShellCommand.script("ls /data/local/tmp")).stdoutText())
                .doesNotContain("notes.apk");
    }

    @ParameterizedTest
    @EnumSource(Features.class)
    void aPhoneThatDisappearsMidPullFailsPromptly(Features features) throws Exception {
        Device device = start(features);
        phone.device().fileSystem().truncate("/sdcard/big.bin", SPARSE_SIZE);
        OutputStream unplugAfterFirstMegabyte = new OutputStream() {
            private long received;

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                received += len;
                if (received >= 1024 * 1024 && received - len < 1024 * 1024) {
                    try {
                        phone.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };

        try (SyncSession sync = device.sync()) {
            // A guard against a hang, not a performance assertion: the pull must fail, not wait forever.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                            () -> sync.pull(DevicePath.of("/sdcard/big.bin"), unplugAfterFirstMegabyte))
                    .isInstanceOf(DeviceDisconnectedException.class));
        }
    }
}
