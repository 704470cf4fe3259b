package org.lifeboat.adb.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifeboat.adb.auth.AdbKey;
import org.lifeboat.adb.protocol.AdbCommand;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.AdbMessageReader;
import org.lifeboat.adb.protocol.AdbMessageWriter;
import org.lifeboat.adb.protocol.AdbProtocol;
import org.lifeboat.adb.protocol.DeviceBanner;

/**
 * A phone reached over TCP without an adb server: one connection to adbd (a phone in {@code adb tcpip} mode, or the
 * virtual phone) carrying many streams. One reader thread dispatches the phone's messages to the streams.
 */
public final class DirectDeviceConnection implements DeviceConnection {
    private final String serial;
    private final Socket socket;
    private final AdbMessageWriter writer;
    private final AdbMessageReader reader;
    private final DeviceBanner banner;
    private final int maxPayload;
    private final Map<Integer, DirectStream> streams = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile IOException failure;

    private DirectDeviceConnection(
            String serial, Socket socket, AdbMessageReader reader, AdbMessageWriter writer, DirectHandshake.Result r) {
        this.serial = serial;
        this.socket = socket;
        this.reader = reader;
        this.writer = writer;
        this.banner = r.banner();
        this.maxPayload = r.maxPayload();
    }

    /** Settings for {@link #connect}. */
    public record Options(Optional<AdbKey> key, Duration answerTimeout, Duration promptTimeout, ThreadFactory threads) {
        /** Signs with {@code key}; waits 10 s for adbd (as {@code adb connect}) and 60 s for the user's tap. */
        public static Options withKey(AdbKey key) {
            return new Options(
                    Optional.of(key),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60),
                    Thread.ofPlatform().daemon().name("adb-direct-", 0).factory());
        }
    }

    /** Connects to adbd at {@code host:port}, authenticating with the options' key if the phone asks. */
    public static DirectDeviceConnection connect(String host, int port, Options options) throws IOException {
        String serial = host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(
                    new InetSocketAddress(host, port),
                    Math.toIntExact(options.answerTimeout().toMillis()));
        } catch (IOException e) {
            socket.close();
            throw new DeviceNotFoundException("cannot reach " + serial + " (" + e.getMessage()
                    + "); check the address, that the phone is on the same network and that debugging is on");
        }
        try {
            AdbMessageReader reader =
                    new AdbMessageReader(new BufferedInputStream(socket.getInputStream()), AdbProtocol.MAX_PAYLOAD);
            AdbMessageWriter writer = new AdbMessageWriter(new BufferedOutputStream(socket.getOutputStream()));
            DirectHandshake.Result result = new DirectHandshake(
                            serial, options.key(), options.answerTimeout(), options.promptTimeout())
                    .run(socket, reader, writer, Device.SUPPORTED);
            socket.setSoTimeout(0);
            writer.setNegotiatedVersion(result.version());
            DirectDeviceConnection connection = new DirectDeviceConnection(serial, socket, reader, writer, result);
            options.threads().newThread(connection::readLoop).start();
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String serial() {
        return serial;
    }

    @Override
    public AdbFeatures features() {
        return banner.features();
    }

    /** The phone's banner: product, model and device names as well as features. */
    public DeviceBanner banner() {
        return banner;
    }

    @Override
    public AdbStream open(DeviceService service) throws IOException {
        byte[] request = service.bytes();
        if (request.length + 1 > maxPayload) {
            throw new IllegalArgumentException("a service request of " + request.length
                    + " bytes does not fit the phone's max payload of " + maxPayload);
        }
        IOException broken = failure;
        if (broken != null) {
            throw broken;
        }
        DirectStream stream = new DirectStream(this, nextId.getAndIncrement(), maxPayload);
        streams.put(stream.localId(), stream);
        // OPEN's payload is the service and one NUL (adb-protocol.md §2.2).
        send(AdbMessage.of(AdbCommand.OPEN, stream.localId(), 0, Arrays.copyOf(request, request.length + 1)));
        if (!stream.awaitOpened()) {
            streams.remove(stream.localId());
            throw new ServiceRefusedException("phone " + serial + " refused '" + service + "'");
        }
        return stream;
    }

    void send(AdbMessage message) throws IOException {
        try {
            writer.write(message);
        } catch (IOException e) {
            throw fail(e);
        }
    }

    void closeStream(DirectStream stream, int remoteId) throws IOException {
        if (streams.remove(stream.localId()) != null && failure == null) {
            send(AdbMessage.close(stream.localId(), remoteId));
        }
    }

    private void readLoop() {
        try {
            for (Optional<AdbMessage> next = reader.read(); next.isPresent(); next = reader.read()) {
                dispatch(next.get());
            }
            fail(new EOFException("adbd closed the connection"));
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Routes a message to its stream by our local id (arg1); unknown ids are ignored, as adb does. */
    private void dispatch(AdbMessage message) throws IOException {
        DirectStream stream = streams.get(message.arg1());
        switch (message.command()) {
            case OKAY -> {
                if (stream != null) {
                    stream.onOkay(message.arg0());
                }
            }
            case WRTE -> {
                if (stream != null) {
                    stream.onWrite(message.payloadBytes());
                } else {
                    send(AdbMessage.close(0, message.arg0()));
                }
            }
            case CLSE -> {
                if (stream != null) {
                    stream.onClose();
                    if (streams.remove(message.arg1()) != null && message.arg0() != 0) {
                        send(AdbMessage.close(message.arg1(), message.arg0()));
                    }
                }
            }
            default -> {
                // CNXN, AUTH, OPEN (reverse forwarding) and STLS are not used after the handshake.
            }
        }
    }

    private IOException fail(IOException cause) {
        DeviceDisconnectedException disconnected =
                cause instanceof DeviceDisconnectedException d ? d : new DeviceDisconnectedException(serial, cause);
        if (failure == null) {
            failure = disconnected;
            streams.values().forEach(stream -> stream.onFailure(disconnected));
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already failing; the first cause is what matters.
            }
        }
        return failure;
    }

    @Override
    public void close() throws IOException {
        if (failure == null) {
            failure = new DeviceDisconnectedException(serial, new IOException("the connection was closed"));
        }
        streams.values().forEach(stream -> stream.onFailure(failure));
        socket.close();
    }

    @Override
    public String toString() {
        return serial + " (direct)";
    }
}
