package org.lifeboat.adb.client;

/** The phone could not read, write, list or stat a file; the message is the phone's own reason. */
public final class RemoteFileException extends AdbException {
    private final DevicePath path;

    public RemoteFileException(DevicePath path, String reason) {
        super("phone refused '" + path + "': " + reason);
        this.path = path;
    }

    public DevicePath path() {
        return path;
    }
}
