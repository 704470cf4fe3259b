package org.lifeboat.virtualphone.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.virtualphone.testing.TestApks;
import org.lifeboat.virtualphone.testing.TestPhone;

class VirtualDeviceTest {
    @TempDir
    Path state;

    @Test
    void getpropAnswersIdentityAndApiLevel() {
        TestPhone phone = TestPhone.open(state, 30, Map.of("ro.product.model", "Pixel 5", "ro.serialno", "ABC123"));
        assertThat(phone.run("getprop ro.build.version.sdk").out()).isEqualTo("30\n");
        assertThat(phone.run("getprop ro.build.version.release").out()).isEqualTo("11\n");
        assertThat(phone.run("getprop ro.product.model").out()).isEqualTo("Pixel 5\n");
        assertThat(phone.run("getprop no.such.key").out()).isEqualTo("\n");
        assertThat(phone.run("getprop no.such.key fallback").out()).isEqualTo("fallback\n");
        assertThat(phone.run("getprop").out())
                .contains("[ro.serialno]: [ABC123]\n")
                .contains("[ro.build.fingerprint]: [lifeboat/virtphone/virt:11/");
        assertThat(phone.device().serial()).isEqualTo("ABC123");
    }

    @Test
    void profileFingerprintFollowsTheChosenRelease() throws Exception {
        Files.writeString(
                state.resolve("device.properties"),
                "ro.build.fingerprint=google/oriole/oriole\\:14/UQ1A.240205.004/11269751\\:user/release-keys\n");
        TestPhone phone = TestPhone.open(state, 31);
        assertThat(phone.run("getprop ro.build.fingerprint").out())
                .isEqualTo("google/oriole/oriole:12/UQ1A.240205.004/11269751:user/release-keys\n");
    }

    @Test
    void apiLevelsOutsideAndroid8To15AreRejected() {
        assertThatThrownBy(() -> DeviceConfig.forState(state).withApiLevel(25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("26..35");
    }

    @Test
    void pushesInstallsAndDeletesSurviveARestart() throws Exception {
        TestPhone phone = TestPhone.open(state, 33, Map.of("ro.serialno", "KEEP1"));
        phone.run("mkdir -p /sdcard/Documents && echo kept > /sdcard/Documents/a.txt && echo gone > /sdcard/b.txt");
        phone.run("touch -d 2020-01-02T03:04:05Z /sdcard/Documents/a.txt && rm /sdcard/b.txt");
        byte[] apk = TestApks.base("com.example.persist", 5, "5.0", 33);
        phone.run("pm install -S " + apk.length, apk);
        String pathBefore = phone.run("pm path com.example.persist").out();

        TestPhone restarted = TestPhone.reopen(state);
        assertThat(restarted.device().apiLevel()).isEqualTo(33);
        assertThat(restarted.device().serial()).isEqualTo("KEEP1");
        assertThat(restarted.run("cat /sdcard/Documents/a.txt").out()).isEqualTo("kept\n");
        assertThat(restarted.run("stat -c %Y /sdcard/Documents/a.txt").out()).isEqualTo("1577934245\n");
        assertThat(restarted.run("ls /sdcard/b.txt").status()).isEqualTo(1);
        assertThat(restarted.run("pm path com.example.persist").out()).isEqualTo(pathBefore);
        assertThat(restarted.run("pm list packages --show-versioncode").out())
                .isEqualTo("package:com.example.persist versionCode:5\n");
    }

    @Test
    void profileAppsInTheStateFolderAreInstalledOnFirstStart() throws Exception {
        Path settings = Files.createDirectories(state.resolve("apps/com.android.settings"));
        Files.write(settings.resolve("base.apk"), new byte[] {1, 2, 3});
        Files.writeString(
                settings.resolve("package.json"),
                "{\"versionCode\": 34, \"versionName\": \"14\","
                        + " \"installer\": null, \"targetSdk\": 34, \"system\": true}");
        Path maps = Files.createDirectories(state.resolve("apps/com.example.maps"));
        Files.write(maps.resolve("base.apk"), new byte[] {4});
        Files.write(maps.resolve("split_config.arm64_v8a.apk"), new byte[] {5});
        Files.writeString(
                maps.resolve("package.json"),
                "{\"packageName\": \"com.example.maps\", \"versionCode\": 9,"
                        + " \"versionName\": \"9.0\", \"installer\": \"com.android.vending\", \"targetSdk\": 34,"
                        + " \"uid\": 10201, \"firstInstallTime\": 1700000000000, \"lastUpdateTime\": 1700000001000}");

        TestPhone phone = TestPhone.open(state, 34);
        assertThat(phone.run("pm list packages -3 -U -i").out())
                .isEqualTo("package:com.example.maps  installer=com.android.vending uid:10201\n");
        assertThat(phone.run("pm list packages -f -s").out())
                .isEqualTo("package:/system/app/Settings/Settings.apk=com.android.settings\n");
        assertThat(phone.run("pm path com.example.maps").out().lines().toList())
                .hasSize(2)
                .last()
                .asString()
                .endsWith("/split_config.arm64_v8a.apk");
        assertThat(phone.run("cat /system/app/Settings/Settings.apk | wc -c").out())
                .isEqualTo("3\n");
        assertThat(phone.run("dumpsys package com.example.maps").out())
                .contains("firstInstallTime=2023-11-14 22:13:20\n")
                .contains("lastUpdateTime=2023-11-14 22:13:21\n");

        phone.run("pm uninstall com.example.maps");
        assertThat(TestPhone.reopen(state).run("pm list packages -3").out()).isEmpty();
    }

    @Test
    void registeredCommandsAndServicesRunInTheShell() {
        TestPhone phone = TestPhone.open(state, 34);
        phone.device().registerCommand("hello", ctx -> {
            ctx.out("hi " + String.join(",", ctx.args()) + " from " + ctx.workingDirectory() + "\n");
            return 3;
        });
        phone.device().registerService("wifi", ctx -> {
            ctx.out(ctx.name() + ":" + String.join(" ", ctx.args()) + "\n");
            return 0;
        });
        assertThat(phone.run("cd /sdcard; hello a 'b c'; echo $?").out()).isEqualTo("hi a,b c from /sdcard\n3\n");
        assertThat(phone.run("cmd wifi list-networks").out()).isEqualTo("wifi:list-networks\n");
    }
}
