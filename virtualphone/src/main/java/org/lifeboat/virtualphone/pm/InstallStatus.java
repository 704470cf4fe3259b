package org.lifeboat.virtualphone.pm;

/**
 * PackageInstaller STATUS_* values that install-commit returns as its exit status, mapped from the failure code the
 * way PackageManager.installStatusToPublicStatus does.
 */
final class InstallStatus {
    private InstallStatus() {}

    static int of(String code) {
        return switch (code) {
            case "INSTALL_FAILED_ALREADY_EXISTS", "INSTALL_FAILED_VERSION_DOWNGRADE" -> 5; // STATUS_FAILURE_CONFLICT
            case "INSTALL_FAILED_OLDER_SDK", "INSTALL_FAILED_DEPRECATED_SDK_VERSION" -> 7; // INCOMPATIBLE
            case "INSTALL_FAILED_INVALID_APK" -> 4; // STATUS_FAILURE_INVALID
            default -> code.startsWith("INSTALL_PARSE_FAILED") ? 4 : 1; // STATUS_FAILURE
        };
    }
}
