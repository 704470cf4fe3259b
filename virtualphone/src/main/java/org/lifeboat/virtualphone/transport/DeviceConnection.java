package org.lifeboat.virtualphone.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.AdbMessageReader;
import org.lifeboat.adb.protocol.AdbMessageWriter;
import org.lifeboat.adb.protocol.AdbProtocol;
import org.lifeboat.adb.protocol.AuthType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host connection (one {@code adb connect}, or one adb server): the handshake, optional AUTH, and the table of
 * open streams. Reads on the calling thread, which only routes packets; each opened service runs on its own thread
 * from {@code executor}, as adbd runs each service on a thread of its own (services.cpp create_service_thread), so
 * the streams of one host (several {@code adb pull} through one adb server) are served in parallel.
 *
 * <p>Whatever the host sends, the worst outcome is that this connection closes: a bad header drops it, as adb's
 * {@code check_header} does, and nothing here touches other connections.
 */
final class DeviceConnection implements DeviceStream.MessageSink {
    private static final Logger log = LoggerFactory.getLogger(DeviceConnection.class);

    /** adbd has no fixed limit; this keeps a hostile host from starting threads without bound. */
    static final int MAX_STREAMS = 512;

    private final Socket socket;
    private final DaemonSettings settings;
    private final ServiceRouter router;
    private final Executor executor;
    private final AdbMessageWriter writer;
    private final Map<Integer, DeviceStream> streams = new ConcurrentHashMap<>();
    private final AtomicInteger nextLocalId = new AtomicInteger(1);
    private final Authenticator authenticator;

    private int negotiatedMaxPayload = AdbProtocol.MAX_PAYLOAD;
    private boolean online;

    DeviceConnection(Socket socket, DaemonSettings settings, ServiceRouter router, Executor executor)
            throws IOException {
        this.socket = socket;
        this.settings = settings;
        this.router = router;
        this.executor = executor;
        this.writer = new AdbMessageWriter(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        this.authenticator = new Authenticator(settings.authorizedKeys(), settings.random());
    }

    /** Serves the connection until the host disconnects or breaks the protocol. */
    void run() {
        try (socket) {
            AdbMessageReader reader = new AdbMessageReader(
                    new BufferedInputStream(socket.getInputStream(), 64 * 1024), AdbProtocol.MAX_PAYLOAD);
            for (Optional<AdbMessage> next = reader.read(); next.isPresent(); next = reader.read()) {
                handle(next.get());
            }
        } catch (IOException e) {
            log.debug("host connection {} ended: {}", socket.getRemoteSocketAddress(), e.getMessage());
        } finally {
            for (DeviceStream stream : streams.values()) {
                stream.closedByHost();
            }
            streams.clear();
        }
    }

    private void handle(AdbMessage message) throws IOException {
        switch (message.command()) {
            case CNXN -> onConnect(message);
            case AUTH -> onAuth(message);
            case OPEN -> {
                if (online) {
                    onOpen(message);
                }
            }
            case OKAY -> streamFor(message).ifPresent(DeviceStream::acknowledged);
            case WRTE -> onWrite(message);
            case CLSE ->
                streamFor(message).ifPresent(stream -> {
                    streams.remove(stream.localId());
                    stream.closedByHost();
                });
            case STLS -> log.debug("ignoring STLS: TLS is only for wireless pairing, which this phone lacks");
        }
    }

    /** adb.cpp handle_packet A_CNXN: version and max payload are the minimum of both sides'. */
    private void onConnect(AdbMessage message) throws IOException {
        int version =
                Integer.compareUnsigned(message.arg0(), AdbProtocol.VERSION) < 0 ? message.arg0() : AdbProtocol.VERSION;
        writer.setNegotiatedVersion(version);
        negotiatedMaxPayload = Math.max(
                AdbProtocol.MAX_PAYLOAD_V1,
                Integer.compareUnsigned(message.arg1(), AdbProtocol.MAX_PAYLOAD) < 0
                        ? message.arg1()
                        : AdbProtocol.MAX_PAYLOAD);
        // A second CNXN means the host restarted the transport: its old streams are gone.
        for (DeviceStream stream : streams.values()) {
            stream.closedByHost();
        }
        streams.clear();
        online = false;
        if (authenticator.isRequired() && !authenticator.isAuthorized()) {
            send(AdbMessage.auth(AuthType.TOKEN, authenticator.newToken()));
        } else {
            goOnline();
        }
    }

    /** daemon/auth.cpp: a good signature connects; a bad one gets a fresh token; an offered key changes nothing. */
    private void onAuth(AdbMessage message) throws IOException {
        if (!authenticator.isRequired() || online) {
            return;
        }
        Optional<AuthType> type = AuthType.fromCode(message.arg0());
        if (type.isEmpty()) {
            return;
        }
        switch (type.get()) {
            case SIGNATURE -> {
                if (authenticator.verify(message.payloadBytes())) {
                    goOnline();
                } else {
                    send(AdbMessage.auth(AuthType.TOKEN, authenticator.newToken()));
                }
            }
            case RSA_PUBLIC_KEY ->
                // A real phone would now show "Allow USB debugging?"; nobody is there to tap it.
                log.info("host offered an unknown adb key; the phone stays unauthorized");
            case TOKEN -> log.debug("ignoring an AUTH token sent by the host");
        }
    }

    private void goOnline() throws IOException {
        online = true;
        String banner = settings.banner().encode();
        send(AdbMessage.connect(AdbProtocol.VERSION, AdbProtocol.MAX_PAYLOAD, banner));
        log.debug("host {} connected: {}", socket.getRemoteSocketAddress(), banner);
    }

    /** A zero local id is invalid (adb.cpp ignores such OPENs); unknown or excess services are refused with CLSE. */
    private void onOpen(AdbMessage message) throws IOException {
        int hostId = message.arg0();
        if (hostId == 0) {
            return;
        }
        String service = message.payloadText();
        Optional<StreamService> handler = streams.size() >= MAX_STREAMS ? Optional.empty() : router.route(service);
        if (handler.isEmpty()) {
            log.debug("refusing service '{}'", printable(service));
            send(AdbMessage.close(0, hostId));
            return;
        }
        int localId = allocateLocalId();
        DeviceStream stream = new DeviceStream(localId, hostId, negotiatedMaxPayload, this);
        streams.put(localId, stream);
        send(AdbMessage.okay(localId, hostId));
        executor.execute(() -> serve(handler.get(), stream, service));
    }

    private void serve(StreamService service, DeviceStream stream, String name) {
        try {
            service.serve(stream.input(), stream.output());
        } catch (StreamClosedException e) {
            log.debug("host closed '{}' early", printable(name));
        } catch (IOException | RuntimeException e) {
            log.debug("service '{}' failed", printable(name), e);
        } finally {
            stream.close();
        }
    }

    private void onWrite(AdbMessage message) throws IOException {
        Optional<DeviceStream> stream = streamFor(message);
        if (stream.isPresent() && !stream.get().deliver(message.payloadBytes())) {
            log.debug("host ignored flow control on {}; closing it", stream.get());
            streams.remove(stream.get().localId());
            stream.get().closedByHost();
            send(AdbMessage.close(stream.get().localId(), stream.get().remoteId()));
        }
    }

    /** OKAY, WRTE and CLSE carry (host id, our id); mismatches and unknown ids are ignored, as adbd does. */
    private Optional<DeviceStream> streamFor(AdbMessage message) {
        DeviceStream stream = streams.get(message.arg1());
        return stream != null && stream.remoteId() == message.arg0() ? Optional.of(stream) : Optional.empty();
    }

    private int allocateLocalId() {
        while (true) {
            int id = nextLocalId.getAndIncrement();
            if (id != 0 && !streams.containsKey(id)) {
                return id;
            }
        }
    }

    private static String printable(String service) {
        String oneLine = service.replace('\0', ' ');
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    @Override
    public void send(AdbMessage message) throws IOException {
        writer.write(message);
    }

    @Override
    public void forget(DeviceStream stream) {
        streams.remove(stream.localId(), stream);
    }
}
