package org.lifeboat.virtualphone.apk;

import java.util.Optional;

/**
 * What the package manager needs from an APK's binary AndroidManifest.xml.
 *
 * @param split the split name ({@code config.arm64_v8a}) for a split APK; empty for a base APK
 * @param minSdk android:minSdkVersion of uses-sdk, 1 when absent (PackageParser's default)
 * @param targetSdk android:targetSdkVersion, defaulting to minSdk as PackageParser does
 */
public record ApkInfo(
        String packageName,
        long versionCode,
        Optional<String> versionName,
        Optional<String> split,
        int minSdk,
        int targetSdk) {}
