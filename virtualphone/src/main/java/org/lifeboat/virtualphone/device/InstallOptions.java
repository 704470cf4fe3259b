package org.lifeboat.virtualphone.device;

import java.util.Optional;

/**
 * The {@code pm install} flags the phone honours.
 *
 * @param installer {@code -i PACKAGE}
 * @param allowDowngrade {@code -d}
 * @param disallowReplace {@code -R} (replacing is the default since PackageManagerShellCommand ignores -r)
 * @param bypassLowTargetSdkBlock {@code --bypass-low-target-sdk-block} (Android 14+)
 */
public record InstallOptions(
        Optional<String> installer, boolean allowDowngrade, boolean disallowReplace, boolean bypassLowTargetSdkBlock) {

    public static InstallOptions defaults() {
        return new InstallOptions(Optional.empty(), false, false, false);
    }
}
