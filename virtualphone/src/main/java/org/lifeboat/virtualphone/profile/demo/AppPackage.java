package org.lifeboat.virtualphone.profile.demo;

import java.util.Map;
import java.util.Optional;

/**
 * One installed package: its package.json facts and its APK files by file name ({@code base.apk}, then
 * {@code split_*.apk}).
 *
 * @param installer installing package name; empty for preinstalled system packages and adb installs
 */
public record AppPackage(
        String packageName,
        long versionCode,
        String versionName,
        Optional<String> installer,
        int targetSdk,
        int minSdk,
        boolean system,
        int uid,
        long firstInstallTime,
        long lastUpdateTime,
        Map<String, byte[]> apks) {

    public AppPackage {
        apks = Map.copyOf(apks);
        if (!apks.containsKey("base.apk")) {
            throw new IllegalArgumentException(packageName + " has no base.apk");
        }
    }
}
