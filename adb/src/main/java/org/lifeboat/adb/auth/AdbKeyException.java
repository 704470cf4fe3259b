package org.lifeboat.adb.auth;

import java.io.IOException;

/** An adb key file is unreadable, malformed or not an RSA key. */
public final class AdbKeyException extends IOException {
    public AdbKeyException(String message) {
        super(message);
    }

    public AdbKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
