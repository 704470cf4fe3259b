package org.lifeboat.adb.client;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;

/** A {@code host:track-devices-l} subscription: the full device list now, then again after every change. */
public final class DeviceTracker implements Closeable {
    private final SmartSocket socket;

    DeviceTracker(SmartSocket socket) {
        this.socket = socket;
    }

    /** Blocks until the server sends the next full list (the first one comes at once). */
    public List<DeviceInfo> next() throws IOException {
        try {
            return DeviceInfo.parseList(socket.readProtocolString());
        } catch (EOFException e) {
            throw new AdbServerUnavailableException("the adb server stopped while tracking devices", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
