package org.lifeboat.adb.protocol;

import java.io.IOException;

/** The device answered a sync request with FAIL; the message is the device's own text. */
public class SyncFailureException extends IOException {
    private static final long serialVersionUID = 1L;

    public SyncFailureException(String deviceMessage) {
        super(deviceMessage);
    }
}
