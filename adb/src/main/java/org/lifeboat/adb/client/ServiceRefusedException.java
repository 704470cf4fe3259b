package org.lifeboat.adb.client;

/** The phone (or the adb server) refused a service request, for example a shell feature the phone lacks. */
public final class ServiceRefusedException extends AdbException {
    public ServiceRefusedException(String message) {
        super(message);
    }
}
