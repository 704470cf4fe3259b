package org.lifeboat.adb.client;

/** The phone is known to adb but does not answer. */
public final class DeviceOfflineException extends AdbException {
    public DeviceOfflineException(String serial) {
        super("phone " + serial + " is offline: unplug and replug the cable (or reconnect Wi-Fi debugging),"
                + " and make sure USB debugging is still enabled");
    }
}
