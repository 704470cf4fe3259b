package org.lifeboat.adb.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Where the adb server listens. adb reads the same environment variables (AOSP adb/client/main.cpp):
 * {@code ADB_SERVER_SOCKET=tcp:host:port} wins, then {@code ANDROID_ADB_SERVER_ADDRESS} and
 * {@code ANDROID_ADB_SERVER_PORT}; the default is {@code localhost:5037}.
 */
public record AdbServerAddress(String host, int port) {
    public static final int DEFAULT_PORT = 5037;

    public AdbServerAddress {
        if (host.isBlank()) {
            throw new IllegalArgumentException("the adb server host cannot be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("an adb server port is 1..65535, not " + port);
        }
    }

    public static AdbServerAddress localhost(int port) {
        return new AdbServerAddress("127.0.0.1", port);
    }

    /** The address adb itself would use; {@code environment} is normally {@link System#getenv()}. */
    public static AdbServerAddress fromEnvironment(Map<String, String> environment) {
        String socket = environment.get("ADB_SERVER_SOCKET");
        if (socket != null && !socket.isBlank()) {
            return parseSocketSpec(socket);
        }
        String host = environment.getOrDefault("ANDROID_ADB_SERVER_ADDRESS", "127.0.0.1");
        String port = environment.get("ANDROID_ADB_SERVER_PORT");
        return new AdbServerAddress(
                host.isBlank() ? "127.0.0.1" : host,
                port == null || port.isBlank() ? DEFAULT_PORT : parsePort(port, "ANDROID_ADB_SERVER_PORT"));
    }

    private static AdbServerAddress parseSocketSpec(String spec) {
        if (!spec.startsWith("tcp:")) {
            throw new IllegalArgumentException(
                    "ADB_SERVER_SOCKET must look like tcp:HOST:PORT or tcp:PORT, not '" + spec + "'");
        }
        String rest = spec.substring("tcp:".length());
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
            return localhost(parsePort(rest, "ADB_SERVER_SOCKET"));
        }
        return new AdbServerAddress(
                rest.substring(0, colon), parsePort(rest.substring(colon + 1), "ADB_SERVER_SOCKET"));
    }

    private static int parsePort(String text, String variable) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must hold a port number, not '" + text + "'");
        }
    }

    /** Whether a server at this address would run on this computer, so that we may start one. */
    public boolean isLocal() {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
