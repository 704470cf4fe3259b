package org.lifeboat.virtualphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.profile.Profiles;
import org.lifeboat.virtualphone.profile.apk.ApkManifest;
import org.lifeboat.virtualphone.profile.apk.ApkWriter;
import org.lifeboat.virtualphone.transport.AdbTool;

/**
 * A phone with shell v2 but without {@code cmd} and {@code abb_exec}, as {@code --features} can strip it: adb
 * 29.0.6 then pushes the APK to /data/local/tmp and runs {@code pm install} over shell v2 (so the exit status
 * counts), and install-multiple drives {@code exec:pm install-create/-write/-commit} (adb_install.cpp).
 */
@RequiresTool("adb")
class InstallFallbackAdbTest {
    @TempDir
    Path temp;

    @Test
    void installsAndUninstallsThroughPmWhenCmdAndAbbAreStripped() throws Exception {
        String blank =
                Profiles.resolve("blank", 1, temp.resolve("profiles")).root().toString();
        AdbFeatures withoutCmd = AdbFeatures.parse("shell_v2,stat_v2,ls_v2,fixed_push_mkdir");
        Path single = apk(ApkManifest.base("org.lifeboat.pushed", 2, "2.0", 26, 34, "Pushed"));
        ApkManifest splitBase = ApkManifest.base("org.lifeboat.splits", 9, "9.1", 26, 34, "Splits")
                .requiringSplits();
        Path base = apk(splitBase);
        Path config = apk(splitBase.configSplit("config.xxhdpi"));

        try (VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of(blank, temp.resolve("state"))
                        .withApiLevel(33)
                        .withFeatures(withoutCmd));
                AdbTool adb = new AdbTool(Files.createDirectories(temp.resolve("home")))) {
            String serial = adb.connect(phone.port());

            AdbTool.Result install = adb.run("-s", serial, "install", single.toString());
            AdbTool.Result multiple = adb.run("-s", serial, "install-multiple", base.toString(), config.toString());

            assertThat(install.exitCode()).as(install.toString()).isZero();
            assertThat(install.stdout()).contains("Performing Push Install").contains("Success");
            assertThat(multiple.exitCode()).as(multiple.toString()).isZero();
            assertThat(adb.run("-s", serial, "shell", "pm list packages -3").stdout())
                    .contains("package:org.lifeboat.pushed\n", "package:org.lifeboat.splits\n");
            assertThat(adb.run("-s", serial, "shell", "pm path org.lifeboat.splits")
                            .stdout())
                    .matches("package:/data/app/\\S+/base\\.apk\npackage:/data/app/\\S+/split_config\\.xxhdpi\\.apk\n");
            // adb removes its pushed copy after pm install.
            assertThat(adb.run("-s", serial, "shell", "ls /data/local/tmp").stdout())
                    .isEmpty();

            AdbTool.Result uninstall = adb.run("-s", serial, "uninstall", "org.lifeboat.pushed");
            assertThat(uninstall.stdout()).isEqualTo("Success\n");
            assertThat(adb.run("-s", serial, "shell", "pm list packages -3").stdout())
                    .doesNotContain("org.lifeboat.pushed");
        }
    }

    private Path apk(ApkManifest manifest) throws Exception {
        Path file = temp.resolve(
                manifest.packageName() + manifest.split().map(s -> "-" + s).orElse("") + ".apk");
        Files.write(file, ApkWriter.write(manifest, Map.of("classes.dex", new byte[30_000])));
        return file;
    }
}
