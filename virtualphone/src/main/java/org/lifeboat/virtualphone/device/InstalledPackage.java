package org.lifeboat.virtualphone.device;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One installed package as the package manager knows it.
 *
 * @param codePath the directory holding the APKs ({@code /data/app/~~token==/pkg-token==} on Android 11+)
 * @param apkPaths phone paths of the APK files: base.apk first, then split_NAME.apk in split-name order
 * @param installer the installing package, empty for adb installs (pm prints {@code installer=null})
 * @param system whether the package is part of the system image ({@code pm list packages -3} hides it)
 */
public record InstalledPackage(
        String packageName,
        long versionCode,
        Optional<String> versionName,
        Optional<String> installer,
        int targetSdk,
        int uid,
        boolean system,
        String codePath,
        List<String> apkPaths,
        Instant firstInstallTime,
        Instant lastUpdateTime) {

    public InstalledPackage {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(versionName, "versionName");
        Objects.requireNonNull(installer, "installer");
        Objects.requireNonNull(codePath, "codePath");
        apkPaths = List.copyOf(apkPaths);
        if (apkPaths.isEmpty()) {
            throw new IllegalArgumentException(packageName + " must have at least its base APK");
        }
        Objects.requireNonNull(firstInstallTime, "firstInstallTime");
        Objects.requireNonNull(lastUpdateTime, "lastUpdateTime");
    }

    /** The base APK's path, which {@code pm list packages -f} shows. */
    public String baseApk() {
        return apkPaths.get(0);
    }
}
