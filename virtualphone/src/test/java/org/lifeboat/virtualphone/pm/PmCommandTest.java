package org.lifeboat.virtualphone.pm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.virtualphone.testing.TestApks;
import org.lifeboat.virtualphone.testing.TestPhone;
import org.lifeboat.virtualphone.testing.TestPhone.Result;

/** pm / cmd package output as PackageManagerShellCommand prints it. */
class PmCommandTest {
    @TempDir
    Path state;

    private TestPhone phone;

    @BeforeEach
    void openPhone() {
        phone = TestPhone.open(state, 34);
    }

    private void push(String path, byte[] bytes) throws Exception {
        try (OutputStream out = phone.device().fileSystem().openWrite(path, false)) {
            out.write(bytes);
        }
    }

    @Test
    void pushThenPmInstallLikeAdbsLegacyPath() throws Exception {
        push("/data/local/tmp/app.apk", TestApks.base("com.example.notes", 42, "4.2", 33));
        Result install = phone.run("pm 'install' '/data/local/tmp/app.apk'");
        assertThat(install.out()).isEqualTo("Success\n");
        assertThat(install.status()).isZero();

        Result list = phone.run("pm list packages -f -3 -U -i --show-versioncode");
        assertThat(list.out())
                .matches("package:/data/app/~~[A-Za-z0-9_-]{22}==/com\\.example\\.notes-[A-Za-z0-9_-]{22}==/base\\.apk"
                        + "=com\\.example\\.notes versionCode:42  installer=null uid:10100\n");
        String path = phone.run("pm path com.example.notes").out();
        assertThat(path).startsWith("package:/data/app/~~").endsWith("/base.apk\n");
        String apk = path.substring("package:".length()).trim();
        assertThat(phone.run("sha256sum " + apk).status()).isZero();
    }

    @Test
    void oldReleasesUseTheFlatCodePath(@TempDir Path oldState) throws Exception {
        TestPhone pie = TestPhone.open(oldState, 28);
        try (OutputStream out = pie.device().fileSystem().openWrite("/data/local/tmp/a.apk", false)) {
            out.write(TestApks.base("com.example.a", 1, "1", 28));
        }
        pie.run("pm install /data/local/tmp/a.apk");
        assertThat(pie.run("pm path com.example.a").out())
                .matches("package:/data/app/com\\.example\\.a-[A-Za-z0-9_-]{22}==/base\\.apk\n");
    }

    @Test
    void streamedInstallReadsExactlySizeBytesFromStdin() {
        byte[] apk = TestApks.base("com.example.stream", 3, "3.0", 34);
        Result r = phone.run("cmd package 'install' -S " + apk.length, apk);
        assertThat(r.out()).isEqualTo("Success\n");
        assertThat(phone.run("pm list packages stream").out()).isEqualTo("package:com.example.stream\n");
    }

    @Test
    void installMultipleSessionsProduceSplitPaths() {
        byte[] base = TestApks.base("com.example.maps", 7, "7.0", 34);
        byte[] abi = TestApks.split("com.example.maps", 7, "config.arm64_v8a");
        byte[] density = TestApks.split("com.example.maps", 7, "config.xxhdpi");
        Result create = phone.run("cmd package install-create -S " + (base.length + abi.length + density.length));
        assertThat(create.out()).matches("Success: created install session \\[\\d+]\n");
        String session = create.out().replaceAll("\\D", "");
        assertThat(phone.run("cmd package install-write -S " + base.length + " " + session + " base.apk -", base)
                        .out())
                .isEqualTo("Success: streamed " + base.length + " bytes\n");
        phone.run("cmd package install-write -S " + density.length + " " + session + " d.apk -", density);
        phone.run("cmd package install-write -S " + abi.length + " " + session + " a.apk -", abi);
        assertThat(phone.run("cmd package install-commit " + session).out()).isEqualTo("Success\n");

        String[] paths = phone.run("pm path com.example.maps").out().split("\n");
        assertThat(paths).hasSize(3);
        assertThat(paths[0]).endsWith("/base.apk");
        assertThat(paths[1]).endsWith("/split_config.arm64_v8a.apk");
        assertThat(paths[2]).endsWith("/split_config.xxhdpi.apk");
        assertThat(phone.run("dumpsys package com.example.maps").out())
                .contains("    splits=[base, config.arm64_v8a, config.xxhdpi]\n");
    }

    @Test
    void splitsWithoutABaseAreRejected() {
        byte[] abi = TestApks.split("com.example.x", 1, "config.arm64_v8a");
        String session = phone.run("pm install-create").out().replaceAll("\\D", "");
        phone.run("pm install-write -S " + abi.length + " " + session + " a.apk -", abi);
        Result commit = phone.run("pm install-commit " + session);
        assertThat(commit.out())
                .isEqualTo("Failure [INSTALL_FAILED_INVALID_APK: Full install must include a base package]\n");
        assertThat(commit.status()).isEqualTo(4);
    }

    @Test
    void android14BlocksLowTargetSdkUnlessBypassed() {
        byte[] old = TestApks.base("com.example.legacy", 1, "1.0", 22);
        Result blocked = phone.run("pm install -S " + old.length, old);
        assertThat(blocked.out())
                .isEqualTo("Failure [INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target"
                        + " at least SDK version 23, but found 22]\n");
        assertThat(blocked.status()).isEqualTo(1);
        assertThat(phone.run("pm install --bypass-low-target-sdk-block -S " + old.length, old)
                        .out())
                .isEqualTo("Success\n");
    }

    @Test
    void bypassFlagIsUnknownBeforeAndroid14(@TempDir Path oldState) {
        TestPhone thirteen = TestPhone.open(oldState, 33);
        byte[] old = TestApks.base("com.example.legacy", 1, "1.0", 22);
        assertThat(thirteen.run("pm install -S " + old.length, old).out()).isEqualTo("Success\n");
        Result r = thirteen.run("pm install --bypass-low-target-sdk-block -S " + old.length, old);
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.err()).contains("Unknown option --bypass-low-target-sdk-block");
    }

    @Test
    void downgradesNeedDashD() {
        byte[] v2 = TestApks.base("com.example.v", 2, "2", 34);
        byte[] v1 = TestApks.base("com.example.v", 1, "1", 34);
        phone.run("pm install -S " + v2.length, v2);
        assertThat(phone.run("pm install -S " + v1.length, v1).out())
                .isEqualTo("Failure [INSTALL_FAILED_VERSION_DOWNGRADE:"
                        + " Downgrade detected: Update version code 1 is older than current 2]\n");
        assertThat(phone.run("pm install -d -S " + v1.length, v1).out()).isEqualTo("Success\n");
        assertThat(phone.run("pm list packages --show-versioncode com.example.v")
                        .out())
                .isEqualTo("package:com.example.v versionCode:1\n");
    }

    @Test
    void notAnApkIsAParseFailure() {
        byte[] junk = "not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(phone.run("pm install -S " + junk.length, junk).out())
                .startsWith("Failure [INSTALL_PARSE_FAILED_NOT_APK: Failed to parse /data/app/vmdl");
        assertThat(phone.run("pm list packages").out()).isEmpty();
    }

    @Test
    void uninstallRemovesPackageAndFiles() {
        byte[] apk = TestApks.base("com.example.gone", 1, "1", 34);
        phone.run("pm install -i com.android.vending -S " + apk.length, apk);
        String path = phone.run("pm path com.example.gone")
                .out()
                .substring("package:".length())
                .trim();
        assertThat(phone.run("pm list packages -i gone").out())
                .isEqualTo("package:com.example.gone  installer=com.android.vending\n");
        assertThat(phone.run("pm uninstall com.example.gone").out()).isEqualTo("Success\n");
        assertThat(phone.run("ls " + path).status()).isEqualTo(1);
        Result again = phone.run("cmd package uninstall com.example.gone");
        assertThat(again.out()).isEqualTo("Failure [DELETE_FAILED_INTERNAL_ERROR]\n");
        assertThat(again.status()).isEqualTo(1);
        assertThat(phone.run("pm path com.example.gone").status()).isEqualTo(1);
    }

    @Test
    void dumpsysShowsVersionsInstallerAndInstallTimes() {
        byte[] apk = TestApks.base("com.example.d", 12, "1.2", 33);
        phone.run("pm install -i com.android.vending -S " + apk.length, apk);
        String dump = phone.run("dumpsys package com.example.d").out();
        assertThat(dump)
                .startsWith("Packages:\n  Package [com.example.d] (")
                .contains("    versionCode=12 minSdk=21 targetSdk=33\n")
                .contains("    versionName=1.2\n")
                .contains("    firstInstallTime=2024-03-01 12:00:00\n")
                .contains("    lastUpdateTime=2024-03-01 12:00:00\n")
                .contains("    installerPackageName=com.android.vending\n");
    }

    @Test
    void cmdReportsUnknownServices() {
        Result r = phone.run("cmd nosuch list");
        assertThat(r.err()).isEqualTo("cmd: Can't find service: nosuch\n");
        assertThat(r.status()).isEqualTo(20);
    }

    @Test
    void amBroadcastPrintsWhatAndroidPrintsAndReachesReceivers() {
        java.util.List<String> received = new java.util.ArrayList<>();
        phone.device()
                .registerReceiver(
                        "android.intent.action.MEDIA_SCANNER_SCAN_FILE",
                        intent -> received.add(intent.data().orElseThrow()));
        Result r = phone.run("am broadcast -a android.intent.action.MEDIA_SCANNER_SCAN_FILE"
                + " -d file:///storage/emulated/0/DCIM/x.jpg");
        assertThat(r.out())
                .isEqualTo("Broadcasting: Intent { act=android.intent.action.MEDIA_SCANNER_SCAN_FILE"
                        + " dat=file:///storage/emulated/0/DCIM/x.jpg flg=0x400000 }\nBroadcast completed: result=0\n");
        assertThat(received).containsExactly("file:///storage/emulated/0/DCIM/x.jpg");
        assertThat(phone.run(
                                "am start -a android.intent.action.VIEW -t text/x-vcard -d content://media/external/file/9")
                        .out())
                .isEqualTo("Starting: Intent { act=android.intent.action.VIEW dat=content://media/external/file/9"
                        + " typ=text/x-vcard }\n");
    }

    @Test
    void appProcessSaysItIsNotSupported() {
        Result r = phone.run("CLASSPATH=/data/local/tmp/agent.jar app_process / com.example.Main");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("not supported");
    }
}
