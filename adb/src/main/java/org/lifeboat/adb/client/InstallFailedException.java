package org.lifeboat.adb.client;

/** The package manager on the phone rejected an APK; the message carries its {@code Failure [...]} reply. */
public final class InstallFailedException extends AdbException {
    public InstallFailedException(String message) {
        super(message);
    }
}
