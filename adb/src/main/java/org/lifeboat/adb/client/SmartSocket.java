package org.lifeboat.adb.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One TCP connection to the adb server, speaking its "smart socket" framing (AOSP adb/SERVICES.TXT,
 * client/adb_client.cpp): a request is 4 hex digits of length plus the service bytes; the reply is {@code OKAY} or
 * {@code FAIL} plus a hex-length message. After a device service is accepted the socket is that service's raw stream.
 */
final class SmartSocket implements Closeable {
    /** MAX_PAYLOAD: the server rejects longer requests. */
    private static final int MAX_REQUEST = 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String context;

    private SmartSocket(Socket socket, String context) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.context = context;
    }

    /**
     * @param context the serial this socket will talk to, for error messages, or the server address
     */
    static SmartSocket connect(AdbServerAddress address, Duration timeout, String context) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address.host(), address.port()), Math.toIntExact(timeout.toMillis()));
            return new SmartSocket(socket, context);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Limits how long a read may block; zero waits forever, as device streams must. */
    void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
    }

    /** Sends {@code service} and waits for {@code OKAY}; a {@code FAIL} becomes a typed exception. */
    void request(String service) throws IOException {
        request(service.getBytes(StandardCharsets.UTF_8));
    }

    void request(byte[] service) throws IOException {
        if (service.length == 0 || service.length > MAX_REQUEST) {
            throw new IllegalArgumentException(
                    "an adb service request has 1.." + MAX_REQUEST + " bytes, not " + service.length);
        }
        out.write(String.format("%04x", service.length).getBytes(StandardCharsets.US_ASCII));
        out.write(service);
        out.flush();
        readStatus(new String(service, 0, Math.min(service.length, 64), StandardCharsets.UTF_8));
    }

    /** Reads {@code OKAY}, or a {@code FAIL} message turned into an exception about {@code request}. */
    void readStatus(String request) throws IOException {
        String status = new String(readExactly(4), StandardCharsets.US_ASCII);
        switch (status) {
            case "OKAY" -> {}
            case "FAIL" -> throw failure(request, readProtocolString());
            default ->
                throw new AdbProtocolException(
                        "the adb server answered '" + request + "' with '" + status + "', not OKAY or FAIL");
        }
    }

    /** Reads {@code <hex4 length><bytes>}. */
    String readProtocolString() throws IOException {
        String hex = new String(readExactly(4), StandardCharsets.US_ASCII);
        int length;
        try {
            length = Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw new AdbProtocolException("the adb server sent a length that is not 4 hex digits: '" + hex + "'");
        }
        return new String(readExactly(length), StandardCharsets.UTF_8);
    }

    byte[] readExactly(int count) throws IOException {
        try {
            byte[] bytes = in.readNBytes(count);
            if (bytes.length < count) {
                throw new EOFException("the adb server closed the connection to " + context + " mid-reply");
            }
            return bytes;
        } catch (SocketTimeoutException e) {
            throw new AdbServerUnavailableException("the adb server for " + context + " stopped answering", e);
        }
    }

    InputStream input() {
        return in;
    }

    OutputStream output() {
        return out;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Maps the server's FAIL texts (AOSP transport.cpp {@code acquire_one_transport}) to typed exceptions. */
    private AdbException failure(String request, String message) {
        String serial = context;
        if (message.startsWith("device '") && message.endsWith("' not found")) {
            return DeviceNotFoundException.forSerial(message.substring(8, message.length() - 11));
        }
        if (message.equals("no devices/emulators found") || message.startsWith("no devices found")) {
            return new DeviceNotFoundException("no phone is attached: plug it in, enable USB debugging in"
                    + " Developer options, and accept the prompt on the phone");
        }
        if (message.startsWith("device unauthorized")) {
            return new DeviceUnauthorizedException(serial);
        }
        if (message.equals("device offline") || message.startsWith("device still connecting")) {
            return new DeviceOfflineException(serial);
        }
        if (message.startsWith("more than one")) {
            return new AmbiguousDeviceException(List.of());
        }
        if (message.equals("closed")) {
            return new ServiceRefusedException(
                    "phone " + serial + " refused '" + request + "' (the service is missing or the phone closed it)");
        }
        return new ServiceRefusedException("the adb server refused '" + request + "': " + message);
    }
}
