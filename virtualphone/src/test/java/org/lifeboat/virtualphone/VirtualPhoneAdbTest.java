package org.lifeboat.virtualphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.profile.apk.ApkManifest;
import org.lifeboat.virtualphone.profile.apk.ApkWriter;
import org.lifeboat.virtualphone.testing.HostFiles;
import org.lifeboat.virtualphone.transport.AdbTool;

/**
 * Debian's adb 29.0.6 against two whole phones at once: a modern one, and one whose features are stripped so adb
 * falls back to plain {@code shell:}, sync v1 and push-then-{@code pm install}.
 */
@RequiresTool("adb")
class VirtualPhoneAdbTest {
    @TempDir
    static Path temp;

    static AdbTool adb;
    static VirtualPhone modern;
    static VirtualPhone legacy;

    @BeforeAll
    static void start() throws Exception {
        adb = new AdbTool(Files.createDirectories(temp.resolve("home")));
        modern = VirtualPhone.start(VirtualPhoneConfig.of("blank", temp.resolve("modern"))
                .withApiLevel(30)
                .withModel("Lifeboat Test")
                .withSerial("LBTEST0001"));
        legacy = VirtualPhone.start(VirtualPhoneConfig.of("blank", temp.resolve("legacy"))
                .withApiLevel(34)
                .withFeatures(AdbFeatures.NONE));
        adb.connect(modern.port());
        adb.connect(legacy.port());
    }

    @AfterAll
    static void stop() throws Exception {
        adb.close();
        modern.close();
        legacy.close();
    }

    @Test
    void showsBothPhonesWithTheirIdentity() throws Exception {
        String devices = adb.run("devices", "-l").stdout();

        assertThat(devices)
                .contains(modern.serial())
                .contains("model:Lifeboat_Test")
                .contains(legacy.serial());
        assertThat(adb.run("-s", modern.serial(), "shell", "getprop", "ro.build.version.sdk")
                        .stdout())
                .isEqualTo("30\n");
        assertThat(adb.run("-s", legacy.serial(), "shell", "getprop", "ro.build.version.sdk")
                        .stdout())
                .isEqualTo("34\n");
        assertThat(adb.run("-s", modern.serial(), "get-serialno").stdout()).isEqualTo(modern.serial() + "\n");
        assertThat(adb.run("-s", modern.serial(), "shell", "getprop", "ro.serialno")
                        .stdout())
                .isEqualTo("LBTEST0001\n");
    }

    @Test
    void passesExitStatusesOnlyWithShellVersionTwo() throws Exception {
        assertThat(adb.run("-s", modern.serial(), "shell", "exit 7").exitCode()).isEqualTo(7);
        assertThat(adb.run("-s", legacy.serial(), "shell", "exit 7").exitCode()).isZero();
    }

    @Test
    void roundTripsAPushWithItsMtimeAndKeepsItInTheState() throws Exception {
        Path local = temp.resolve("photo.jpg");
        Instant mtime = Instant.parse("2022-08-09T10:11:12Z");
        byte[] content = HostFiles.writeRandom(local, 150_000, 3, mtime);

        for (VirtualPhone phone : new VirtualPhone[] {modern, legacy}) {
            assertThat(adb.run("-s", phone.serial(), "push", local.toString(), "/sdcard/DCIM/Camera/photo.jpg")
                            .exitCode())
                    .isZero();
            Path pulled = Files.createDirectories(temp.resolve("pull-" + phone.port()));
            assertThat(adb.run("-s", phone.serial(), "pull", "-a", "/sdcard/DCIM", pulled.toString())
                            .exitCode())
                    .isZero();

            Path copy = pulled.resolve("DCIM/Camera/photo.jpg");
            assertThat(Files.readAllBytes(copy)).isEqualTo(content);
            assertThat(Files.getLastModifiedTime(copy).toInstant()).isEqualTo(mtime);
            Path inState = phone.device().layout().fileSystemRoot().resolve("storage/emulated/0/DCIM/Camera/photo.jpg");
            assertThat(Files.readAllBytes(inState)).isEqualTo(content);
        }
    }

    @Test
    void installsSingleAndSplitApksOverEveryInstallPath() throws Exception {
        Path single = apk(ApkManifest.base("org.lifeboat.single", 3, "1.2", 26, 30, "Single"));
        ApkManifest splitBase = ApkManifest.base("org.lifeboat.split", 5, "2.0", 26, 30, "Split")
                .requiringSplits();
        Path base = apk(splitBase);
        Path config = apk(splitBase.configSplit("config.arm64_v8a"));

        for (VirtualPhone phone : new VirtualPhone[] {modern, legacy}) {
            AdbTool.Result install = adb.run("-s", phone.serial(), "install", single.toString());
            assertThat(install.exitCode()).as(install.toString()).isZero();
            assertThat(install.stdout())
                    .contains("Success")
                    // abb_exec streaming on the modern phone; sync push then `pm install` on the stripped one.
                    .contains(phone == modern ? "Performing Streamed Install" : "Performing Push Install");
            AdbTool.Result multiple =
                    adb.run("-s", phone.serial(), "install-multiple", base.toString(), config.toString());
            assertThat(multiple.exitCode()).as(multiple.toString()).isZero();

            assertThat(adb.run("-s", phone.serial(), "shell", "pm", "list", "packages")
                            .stdout())
                    .contains("package:org.lifeboat.single\n", "package:org.lifeboat.split\n");
            assertThat(adb.run("-s", phone.serial(), "shell", "pm", "path", "org.lifeboat.split")
                            .stdout())
                    .contains("base.apk")
                    .contains("split_config.arm64_v8a.apk");
        }
    }

    private static Path apk(ApkManifest manifest) throws Exception {
        String name =
                manifest.packageName() + manifest.split().map(s -> "-" + s).orElse("") + ".apk";
        Path file = temp.resolve(name);
        Files.write(file, ApkWriter.write(manifest, Map.of("classes.dex", new byte[70_000])));
        return file;
    }
}
