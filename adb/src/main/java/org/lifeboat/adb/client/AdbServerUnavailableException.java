package org.lifeboat.adb.client;

/** No adb server answers, and none could be started. */
public final class AdbServerUnavailableException extends AdbException {
    public AdbServerUnavailableException(String message) {
        super(message);
    }

    public AdbServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
