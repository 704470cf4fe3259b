package org.lifeboat.adb.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.AdbMessageReader;
import org.lifeboat.adb.protocol.AdbMessageWriter;
import org.lifeboat.adb.protocol.AdbProtocol;
import org.lifeboat.adb.protocol.AuthType;
import org.lifeboat.adb.protocol.DeviceBanner;

/**
 * A small adbd for tests: the device transport (CNXN, optional AUTH, OPEN/OKAY/WRTE/CLSE with one WRTE in flight),
 * with services from {@link FakeServices}: a scripted shell that runs nothing, and sync over a sandbox folder.
 */
final class FakeAdbd implements Closeable {
    private final ServerSocket listener;
    private final AdbFeatures features;
    private final int maxPayload;
    private final Optional<RSAPublicKey> trustedKey;
    private final FakeServices services;
    private final List<String> offeredKeys = new CopyOnWriteArrayList<>();
    private final List<String> openedServices = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    FakeAdbd(AdbFeatures features, int maxPayload, Optional<RSAPublicKey> trustedKey, FakeServices services)
            throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.features = features;
        this.maxPayload = maxPayload;
        this.trustedKey = trustedKey;
        this.services = services;
        Thread.ofPlatform().daemon().name("fake-adbd-accept").start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The public keys hosts offered with AUTH(RSAPUBLICKEY), as text. */
    List<String> offeredKeys() {
        return offeredKeys;
    }

    List<String> openedServices() {
        return openedServices;
    }

    /** Drops every connection at once, like a pulled cable. */
    void dropConnections() throws IOException {
        for (Socket socket : connections) {
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        dropConnections();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.add(socket);
                Thread.ofPlatform().daemon().name("fake-adbd-conn").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            new Connection(socket).run();
        } catch (IOException e) {
            // The host went away; nothing to report in a fake.
        }
    }

    private final class Connection {
        private final AdbMessageReader reader;
        private final AdbMessageWriter writer;
        private final Map<Integer, Stream> streams = new ConcurrentHashMap<>();
        private final AtomicInteger nextId = new AtomicInteger(1);
        private byte[] token = new byte[20];
        private int hostMaxPayload = AdbProtocol.MAX_PAYLOAD;

        Connection(Socket socket) throws IOException {
            reader = new AdbMessageReader(new BufferedInputStream(socket.getInputStream()), AdbProtocol.MAX_PAYLOAD);
            writer = new AdbMessageWriter(new BufferedOutputStream(socket.getOutputStream()));
        }

        void run() throws IOException {
            for (Optional<AdbMessage> next = reader.read(); next.isPresent(); next = reader.read()) {
                AdbMessage message = next.get();
                switch (message.command()) {
                    case CNXN -> onConnect(message);
                    case AUTH -> onAuth(message);
                    case OPEN -> onOpen(message);
                    case OKAY ->
                        Optional.ofNullable(streams.get(message.arg1())).ifPresent(s -> s.acked.release());
                    case WRTE -> onWrite(message);
                    case CLSE ->
                        Optional.ofNullable(streams.remove(message.arg1())).ifPresent(Stream::hostClosed);
                    default -> {}
                }
            }
            streams.values().forEach(Stream::hostClosed);
        }

        private void onConnect(AdbMessage message) throws IOException {
            hostMaxPayload = Math.min(message.arg1(), AdbProtocol.MAX_PAYLOAD);
            if (trustedKey.isPresent()) {
                sendToken();
            } else {
                sendConnect();
            }
        }

        private void sendToken() throws IOException {
            new SecureRandom().nextBytes(token);
            writer.write(AdbMessage.auth(AuthType.TOKEN, token));
        }

        private void sendConnect() throws IOException {
            String banner = new DeviceBanner("fakephone", "Fake Phone", "fake", features).encode();
            writer.write(AdbMessage.connect(AdbProtocol.VERSION, maxPayload, banner));
            writer.setNegotiatedVersion(AdbProtocol.VERSION);
        }

        private void onAuth(AdbMessage message) throws IOException {
            if (message.arg0() == AuthType.SIGNATURE.code() && verifies(message.payloadBytes())) {
                sendConnect();
            } else if (message.arg0() == AuthType.RSA_PUBLIC_KEY.code()) {
                offeredKeys.add(message.payloadText());
            } else {
                sendToken();
            }
        }

        private boolean verifies(byte[] signature) {
            try {
                Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                rsa.init(Cipher.DECRYPT_MODE, trustedKey.orElseThrow());
                byte[] digestInfo = rsa.doFinal(signature);
                return Arrays.equals(Arrays.copyOfRange(digestInfo, digestInfo.length - 20, digestInfo.length), token);
            } catch (Exception e) {
                return false;
            }
        }

        private void onOpen(AdbMessage message) throws IOException {
            String service = message.payloadText();
            openedServices.add(service);
            Optional<FakeServices.Service> handler = services.find(service);
            if (handler.isEmpty()) {
                writer.write(AdbMessage.close(0, message.arg0()));
                return;
            }
            Stream stream = new Stream(nextId.getAndIncrement(), message.arg0());
            streams.put(stream.localId, stream);
            writer.write(AdbMessage.okay(stream.localId, stream.remoteId));
            Thread.ofPlatform().daemon().name("fake-adbd-" + service).start(() -> stream.serve(handler.get()));
        }

        private void onWrite(AdbMessage message) throws IOException {
            Stream stream = streams.get(message.arg1());
            if (stream != null) {
                try {
                    stream.fromHost.write(message.payloadBytes());
                    stream.fromHost.flush();
                } catch (IOException serviceEnded) {
                    // The service stopped reading; adbd drops such bytes too.
                }
                writer.write(AdbMessage.okay(stream.localId, stream.remoteId));
            }
        }

        private final class Stream {
            final int localId;
            final int remoteId;
            final Semaphore acked = new Semaphore(1);
            final PipedOutputStream fromHost = new PipedOutputStream();
            final PipedInputStream hostInput;
            volatile boolean closed;

            Stream(int localId, int remoteId) throws IOException {
                this.localId = localId;
                this.remoteId = remoteId;
                this.hostInput = new PipedInputStream(fromHost, 4 * 1024 * 1024);
            }

            void serve(FakeServices.Service service) {
                try (OutputStream out = new Output()) {
                    service.serve(hostInput, out);
                } catch (IOException e) {
                    // The host closed the stream or the connection.
                } finally {
                    if (streams.remove(localId) != null) {
                        try {
                            writer.write(AdbMessage.close(localId, remoteId));
                        } catch (IOException ignored) {
                            // Connection already gone.
                        }
                    }
                }
            }

            void hostClosed() {
                closed = true;
                try {
                    fromHost.close();
                } catch (IOException ignored) {
                    // Nothing to do.
                }
            }

            /** Sends WRTEs of at most the host's max payload, each after the previous one's OKAY. */
            private final class Output extends OutputStream {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    while (len > 0) {
                        int n = Math.min(len, hostMaxPayload);
                        try {
                            acked.acquire();
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                        if (closed) {
                            throw new IOException("host closed the stream");
                        }
                        writer.write(AdbMessage.write(localId, remoteId, b, off, n));
                        off += n;
                        len -= n;
                    }
                }
            }
        }
    }
}
