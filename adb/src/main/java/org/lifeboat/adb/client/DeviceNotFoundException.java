package org.lifeboat.adb.client;

/** The serial names no attached phone, or no phone is attached at all. */
public final class DeviceNotFoundException extends AdbException {
    public DeviceNotFoundException(String message) {
        super(message);
    }

    static DeviceNotFoundException forSerial(String serial) {
        return new DeviceNotFoundException("no phone with serial '" + serial
                + "' is attached; check the cable, enable USB debugging in Developer options,"
                + " and run 'lifeboat devices' to see the serials");
    }
}
