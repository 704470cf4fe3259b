package org.lifeboat.adb.client;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.lifeboat.adb.protocol.AdbFeatures;

/**
 * A client for the adb server's host services (AOSP adb/SERVICES.TXT). Every request uses a fresh connection, as the
 * server closes or repurposes each one. When nothing listens, the {@link ServerStarter} gets one chance to start a
 * server.
 */
public final class AdbServer {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Host queries answer at once; a silent server is broken. Device streams get no timeout. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);

    private final AdbServerAddress address;
    private final ServerStarter starter;
    private final Object startLock = new Object();
    private boolean startAttempted;

    public AdbServer(AdbServerAddress address, ServerStarter starter) {
        this.address = address;
        this.starter = starter;
    }

    public AdbServerAddress address() {
        return address;
    }

    /** The server's protocol version ({@code ADB_SERVER_VERSION}, 41 for adb 29.0.6). */
    public int version() throws IOException {
        String hex = query("host:version");
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw new AdbProtocolException("the adb server sent a version that is not hex: '" + hex + "'");
        }
    }

    /** Every phone the server knows, in any state. */
    public List<DeviceInfo> devices() throws IOException {
        return DeviceInfo.parseList(query("host:devices-l"));
    }

    /** Subscribes to device list changes; close the tracker to stop. */
    public DeviceTracker trackDevices() throws IOException {
        SmartSocket socket = openSocket(address.toString());
        try {
            socket.request("host:track-devices-l");
            return new DeviceTracker(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The feature names of phone {@code serial}. */
    public AdbFeatures features(String serial) throws IOException {
        return AdbFeatures.parse(query("host-serial:" + serial + ":features", serial));
    }

    /**
     * Asks the server to connect to adbd at {@code host:port}. The server always answers OKAY and says the outcome in
     * text (AOSP adb/client/adb_client.cpp), so the text decides which exception to throw.
     */
    public void connect(String hostAndPort) throws IOException {
        String message = query("host:connect:" + hostAndPort, hostAndPort);
        if (message.startsWith("connected to") || message.startsWith("already connected to")) {
            return;
        }
        if (message.startsWith("failed to authenticate")) {
            throw new DeviceUnauthorizedException(hostAndPort);
        }
        throw new DeviceNotFoundException("the adb server could not connect to " + hostAndPort + ": " + message
                + "; check the address and that Wi-Fi debugging is on");
    }

    /** The phone {@code serial}, reached through this server. */
    public DeviceConnection open(String serial) {
        return new ServerDeviceConnection(this, serial);
    }

    /** Stops the server (tests use this to clean up their private servers). */
    public void kill() throws IOException {
        try (SmartSocket socket = connectWithoutStarting(address.toString())) {
            socket.readTimeout(QUERY_TIMEOUT);
            socket.request("host:kill");
        } catch (ConnectException e) {
            // Nothing listens, so nothing to stop.
        }
    }

    private String query(String request) throws IOException {
        return query(request, address.toString());
    }

    private String query(String request, String context) throws IOException {
        try (SmartSocket socket = openSocket(context)) {
            socket.readTimeout(QUERY_TIMEOUT);
            socket.request(request);
            return socket.readProtocolString();
        }
    }

    /** A connection to the server, starting one first if nothing listens and no start was tried yet. */
    SmartSocket openSocket(String context) throws IOException {
        try {
            return connectWithoutStarting(context);
        } catch (ConnectException first) {
            synchronized (startLock) {
                if (!startAttempted) {
                    startAttempted = true;
                    starter.start(address);
                }
            }
            try {
                return connectWithoutStarting(context);
            } catch (ConnectException second) {
                throw new AdbServerUnavailableException(
                        "no adb server answers at " + address + "; start one with 'adb start-server'", second);
            }
        }
    }

    private SmartSocket connectWithoutStarting(String context) throws IOException {
        return SmartSocket.connect(address, CONNECT_TIMEOUT, context);
    }

    @Override
    public String toString() {
        return "adb server at " + address;
    }
}
