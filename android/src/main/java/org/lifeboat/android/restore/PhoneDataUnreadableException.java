package org.lifeboat.android.restore;

import java.io.IOException;

/**
 * The phone would not let the adb shell read what a restore has to compare against (for example a provider that
 * denies the shell), so nothing of that type can be restored safely. The message says which data and why.
 */
public final class PhoneDataUnreadableException extends IOException {

    public PhoneDataUnreadableException(String what, Exception cause) {
        super("cannot read the phone's " + what + ": " + cause.getMessage(), cause);
    }
}
