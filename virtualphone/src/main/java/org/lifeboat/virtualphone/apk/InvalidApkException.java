package org.lifeboat.virtualphone.apk;

/** The file is not an APK, or its manifest cannot be read. */
public final class InvalidApkException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidApkException(String message) {
        super(message);
    }
}
