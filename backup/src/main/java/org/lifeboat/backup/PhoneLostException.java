package org.lifeboat.backup;

import java.io.IOException;

/** The phone disconnected before anything could be stored; no snapshot was written. */
public final class PhoneLostException extends IOException {
    public PhoneLostException(String phone, Throwable cause) {
        super(
                "the phone " + phone + " disconnected during the backup (" + cause.getMessage()
                        + "); nothing was stored. Reconnect it (check the cable, unlock the phone) and run the backup again",
                cause);
    }
}
