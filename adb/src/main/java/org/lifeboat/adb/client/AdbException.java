package org.lifeboat.adb.client;

import java.io.IOException;

/**
 * Something went wrong talking to a phone or to the adb server. Subclasses say what, and their messages say what the
 * user can do about it.
 */
public class AdbException extends IOException {
    public AdbException(String message) {
        super(message);
    }

    public AdbException(String message, Throwable cause) {
        super(message, cause);
    }
}
