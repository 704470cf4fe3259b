package org.lifeboat.adb.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.lifeboat.adb.protocol.AdbFeatures;

/** A phone reached through the adb server: each service is one server connection switched to the phone. */
final class ServerDeviceConnection implements DeviceConnection {
    private final AdbServer server;
    private final String serial;
    private volatile AdbFeatures features;

    ServerDeviceConnection(AdbServer server, String serial) {
        this.server = server;
        this.serial = serial;
    }

    @Override
    public String serial() {
        return serial;
    }

    @Override
    public AdbFeatures features() throws IOException {
        AdbFeatures known = features;
        if (known == null) {
            known = server.features(serial);
            features = known;
        }
        return known;
    }

    @Override
    public AdbStream open(DeviceService service) throws IOException {
        SmartSocket socket = server.openSocket(serial);
        try {
            socket.request("host:transport:" + serial);
            socket.request(service.bytes());
            return new SocketStream(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() {
        // Each stream owns its own server connection; there is nothing shared to release.
    }

    @Override
    public String toString() {
        return serial + " via " + server;
    }

    private record SocketStream(SmartSocket socket) implements AdbStream {
        @Override
        public InputStream input() {
            return socket.input();
        }

        @Override
        public OutputStream output() {
            return socket.output();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
