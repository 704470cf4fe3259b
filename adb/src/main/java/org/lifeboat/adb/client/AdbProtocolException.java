package org.lifeboat.adb.client;

/** The other side sent bytes that break the adb protocol; the connection cannot be trusted any more. */
public final class AdbProtocolException extends AdbException {
    public AdbProtocolException(String message) {
        super(message);
    }
}
