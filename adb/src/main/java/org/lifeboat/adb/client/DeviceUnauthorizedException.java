package org.lifeboat.adb.client;

/** The phone has not (yet) accepted this computer's adb key. */
public final class DeviceUnauthorizedException extends AdbException {
    public DeviceUnauthorizedException(String serial) {
        super("phone " + serial + " has not authorised this computer: unlock the phone and accept the"
                + " 'Allow USB debugging?' prompt (tick 'Always allow from this computer'), then try again");
    }
}
