package org.lifeboat.virtualphone.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lifeboat.virtualphone.apk.ApkInfo;
import org.lifeboat.virtualphone.apk.ApkReader;
import org.lifeboat.virtualphone.apk.InvalidApkException;

/**
 * The checks PackageManagerService applies to a committed session, with its failure codes and messages: APKs that
 * parse, exactly one base, matching package and version code in every split, minSdk, the Android 14 low-target-SDK
 * block, -R and downgrades.
 */
final class InstallRules {
    /** Android 14's MIN_INSTALLABLE_TARGET_SDK (frameworks/base commit ffa1a73c533c). */
    static final int MIN_INSTALLABLE_TARGET_SDK = 23;

    private static final int LOW_TARGET_SDK_BLOCK_API = 34;

    private InstallRules() {}

    /** One staged APK file and its manifest. */
    record Staged(Path file, ApkInfo info) {}

    static void checkSdk(ApkInfo info, InstallOptions options, int apiLevel) throws InstallException {
        if (info.minSdk() > apiLevel) {
            throw new InstallException(
                    "INSTALL_FAILED_OLDER_SDK",
                    "Requires newer sdk version #" + info.minSdk() + " (current version is #" + apiLevel + ")");
        }
        if (apiLevel >= LOW_TARGET_SDK_BLOCK_API
                && info.targetSdk() < MIN_INSTALLABLE_TARGET_SDK
                && !options.bypassLowTargetSdkBlock()) {
            throw new InstallException(
                    "INSTALL_FAILED_DEPRECATED_SDK_VERSION",
                    "App package must target at least SDK version " + MIN_INSTALLABLE_TARGET_SDK + ", but found "
                            + info.targetSdk());
        }
    }

    static void checkReplace(ApkInfo info, InstalledPackage existing, InstallOptions options) throws InstallException {
        if (existing == null) {
            return;
        }
        if (options.disallowReplace()) {
            throw new InstallException(
                    "INSTALL_FAILED_ALREADY_EXISTS",
                    "Attempt to re-install " + info.packageName() + " without first uninstalling.");
        }
        if (info.versionCode() < existing.versionCode() && !options.allowDowngrade()) {
            throw new InstallException(
                    "INSTALL_FAILED_VERSION_DOWNGRADE",
                    "Downgrade detected: Update version code " + info.versionCode() + " is older than current "
                            + existing.versionCode());
        }
    }

    static List<Staged> parse(Path staging) throws InstallException, IOException {
        List<Staged> staged = new ArrayList<>();
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.sorted().toList()) {
                try {
                    staged.add(new Staged(file, ApkReader.read(file)));
                } catch (InvalidApkException e) {
                    throw new InstallException(
                            "INSTALL_PARSE_FAILED_NOT_APK",
                            "Failed to parse /data/app/" + staging.getFileName() + "/" + file.getFileName() + ": "
                                    + e.getMessage());
                }
            }
        }
        if (staged.isEmpty()) {
            throw new InstallException("INSTALL_FAILED_INVALID_APK", "No packages staged");
        }
        return staged;
    }

    static Staged base(List<Staged> staged) throws InstallException {
        List<Staged> bases =
                staged.stream().filter(s -> s.info().split().isEmpty()).toList();
        if (bases.isEmpty()) {
            throw new InstallException("INSTALL_FAILED_INVALID_APK", "Full install must include a base package");
        }
        if (bases.size() > 1) {
            throw new InstallException("INSTALL_FAILED_INVALID_APK", "Split null was defined multiple times");
        }
        return bases.get(0);
    }
}
