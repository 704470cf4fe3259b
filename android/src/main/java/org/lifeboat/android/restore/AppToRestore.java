package org.lifeboat.android.restore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.lifeboat.adb.client.ApkFile;

/**
 * One app from the backup: its base APK and splits.
 *
 * @param versionCode the backed-up {@code versionCode}; an installed version at least this new is kept
 * @param targetSdk the app's {@code targetSdkVersion} when the backup knows it; Android 14 blocks installing apps that
 *     target below 23 unless told otherwise
 * @param apks {@code base.apk} and any {@code split_*.apk}; the base is installed first whatever the order given
 */
public record AppToRestore(String packageName, long versionCode, OptionalInt targetSdk, List<ApkFile> apks)
        implements PlannedItem {

    private static final String BASE = "base.apk";

    public AppToRestore {
        if (!packageName.matches("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+")) {
            throw new IllegalArgumentException("not an Android package name: '" + packageName + "'");
        }
        if (apks.isEmpty()) {
            throw new IllegalArgumentException(packageName + " has no APK to install");
        }
        List<ApkFile> ordered = new ArrayList<>(apks);
        ordered.sort(Comparator.comparing((ApkFile apk) -> !apk.name().equals(BASE)));
        apks = List.copyOf(ordered);
    }

    @Override
    public String label() {
        return packageName + " (versionCode " + versionCode + ")";
    }

    public long totalBytes() {
        return apks.stream().mapToLong(ApkFile::size).sum();
    }
}
