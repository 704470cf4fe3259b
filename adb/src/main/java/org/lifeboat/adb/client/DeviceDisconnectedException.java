package org.lifeboat.adb.client;

/** The connection to a phone broke while it was in use (cable pulled, phone rebooted, adb server killed). */
public final class DeviceDisconnectedException extends AdbException {
    public DeviceDisconnectedException(String serial, Throwable cause) {
        super(
                "lost the connection to phone " + serial + " (cable pulled, phone rebooted or adb restarted?);"
                        + " reconnect it and run the command again",
                cause);
    }
}
