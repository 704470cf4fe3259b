package org.lifeboat.backup.restore;

import org.lifeboat.adb.client.DeviceDisconnectedException;
import org.lifeboat.adb.client.DeviceNotFoundException;
import org.lifeboat.adb.client.DeviceOfflineException;

/** Tells a phone that went away (pulled cable, killed phone) from one command or file that failed. */
public final class PhoneLoss {
    private PhoneLoss() {}

    public static boolean isLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DeviceDisconnectedException
                    || t instanceof DeviceNotFoundException
                    || t instanceof DeviceOfflineException) {
                return true;
            }
        }
        return false;
    }
}
