package org.lifeboat.virtualphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.profile.Profiles;
import org.lifeboat.virtualphone.profile.apk.ApkManifest;
import org.lifeboat.virtualphone.profile.apk.ApkWriter;
import org.lifeboat.virtualphone.testing.HostFiles;
import org.lifeboat.virtualphone.transport.AdbTool;

/** What adb changes on a phone (push, install, insert, delete) is still there after the phone stops and starts. */
@RequiresTool("adb")
class PhoneRestartAdbTest {
    @TempDir
    Path temp;

    @Test
    void keepsPushesInstallsInsertsAndDeletesInItsStateAcrossARestart() throws Exception {
        String blank =
                Profiles.resolve("blank", 1, temp.resolve("profiles")).root().toString();
        VirtualPhoneConfig config =
                VirtualPhoneConfig.of(blank, temp.resolve("state")).withApiLevel(34);
        Path local = temp.resolve("upload.bin");
        Instant mtime = Instant.parse("2023-01-02T03:04:05Z");
        byte[] content = HostFiles.writeRandom(local, 200_000, 11, mtime);
        Path apk = temp.resolve("app.apk");
        Files.write(
                apk,
                ApkWriter.write(
                        ApkManifest.base("org.lifeboat.kept", 7, "7.0", 26, 34, "Kept"),
                        Map.of("classes.dex", new byte[10_000])));

        try (AdbTool adb = new AdbTool(Files.createDirectories(temp.resolve("home")))) {
            try (VirtualPhone phone = VirtualPhone.start(config)) {
                String serial = adb.connect(phone.port());
                assertThat(adb.run("-s", serial, "push", local.toString(), "/sdcard/Download/kept.bin")
                                .exitCode())
                        .isZero();
                assertThat(adb.run("-s", serial, "push", local.toString(), "/sdcard/Download/gone.bin")
                                .exitCode())
                        .isZero();
                assertThat(adb.run("-s", serial, "shell", "rm /sdcard/Download/gone.bin")
                                .exitCode())
                        .isZero();
                assertThat(adb.run("-s", serial, "install", apk.toString()).stdout())
                        .contains("Success");
                assertThat(adb.run(
                                        "-s",
                                        serial,
                                        "shell",
                                        "appops set com.android.shell WRITE_SMS allow && content insert --uri"
                                                + " content://sms --bind address:s:+15550123 --bind body:s:kept"
                                                + " --bind type:i:1 --bind date:l:1700000000000")
                                .exitCode())
                        .isZero();
            }

            try (VirtualPhone phone = VirtualPhone.start(config)) {
                assertThat(phone.startedFromProfile()).isFalse();
                String serial = adb.connect(phone.port());
                Path pulled = temp.resolve("pulled.bin");
                AdbTool.Result pull =
                        adb.run("-s", serial, "pull", "-a", "/sdcard/Download/kept.bin", pulled.toString());

                assertThat(pull.exitCode()).as(pull.toString()).isZero();
                assertThat(Files.readAllBytes(pulled)).isEqualTo(content);
                assertThat(Files.getLastModifiedTime(pulled).toInstant()).isEqualTo(mtime);
                assertThat(adb.run("-s", serial, "shell", "ls /sdcard/Download").stdout())
                        .isEqualTo("kept.bin\n");
                assertThat(adb.run("-s", serial, "shell", "pm path org.lifeboat.kept")
                                .stdout())
                        .startsWith("package:/data/app/")
                        .endsWith("/base.apk\n");
                assertThat(adb.run(
                                        "-s",
                                        serial,
                                        "shell",
                                        "content query --uri content://sms --projection address:body:date")
                                .stdout())
                        .isEqualTo("Row: 0 address=+15550123, body=kept, date=1700000000000\n");
            }
        }
    }
}
