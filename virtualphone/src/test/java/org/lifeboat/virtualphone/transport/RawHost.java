package org.lifeboat.virtualphone.transport;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Optional;
import org.lifeboat.adb.protocol.AdbCommand;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.AdbMessageReader;
import org.lifeboat.adb.protocol.AdbMessageWriter;
import org.lifeboat.adb.protocol.AdbProtocol;

/** A minimal host side of the device transport for protocol tests: one stream at a time, in lock step. */
final class RawHost implements Closeable {
    static final String HOST_BANNER = "host::features=shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,abb_exec";

    private final Socket socket;
    final AdbMessageReader reader;
    final AdbMessageWriter writer;
    private int nextId = 100;

    RawHost(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        reader = new AdbMessageReader(socket.getInputStream(), AdbProtocol.MAX_PAYLOAD);
        writer = new AdbMessageWriter(socket.getOutputStream());
    }

    AdbMessage connect(int version) throws IOException {
        writer.write(AdbMessage.connect(version, AdbProtocol.MAX_PAYLOAD, HOST_BANNER));
        AdbMessage reply = next();
        writer.setNegotiatedVersion(version);
        return reply;
    }

    AdbMessage next() throws IOException {
        return reader.read().orElseThrow(() -> new IOException("the device closed the connection"));
    }

    /** Opens a service; empty if the device refused it with CLSE. */
    Optional<Stream> open(String service) throws IOException {
        int id = nextId++;
        writer.write(AdbMessage.open(id, service));
        AdbMessage reply = next();
        if (reply.command() == AdbCommand.CLSE) {
            return Optional.empty();
        }
        if (reply.command() != AdbCommand.OKAY || reply.arg1() != id) {
            throw new IOException("unexpected reply to OPEN: " + reply);
        }
        return Optional.of(new Stream(id, reply.arg0()));
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    final class Stream {
        final int hostId;
        final int deviceId;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private boolean closed;

        Stream(int hostId, int deviceId) {
            this.hostId = hostId;
            this.deviceId = deviceId;
        }

        /** Sends one WRTE and waits for the device's OKAY, as adb does, keeping any output that arrives meanwhile. */
        void write(byte[] data) throws IOException {
            writer.write(AdbMessage.write(hostId, deviceId, data, 0, data.length));
            while (true) {
                AdbMessage message = next();
                if (message.command() == AdbCommand.OKAY) {
                    return;
                }
                if (!take(message)) {
                    throw new IOException("the device closed the stream before acknowledging our write");
                }
            }
        }

        /** Reads everything the device writes until its CLSE, acknowledging each WRTE. */
        byte[] readUntilClosed() throws IOException {
            while (!closed) {
                take(next());
            }
            return received.toByteArray();
        }

        private boolean take(AdbMessage message) throws IOException {
            if (message.command() == AdbCommand.CLSE) {
                closed = true;
                return false;
            }
            if (message.command() == AdbCommand.WRTE) {
                received.writeBytes(message.payloadBytes());
                writer.write(AdbMessage.okay(hostId, deviceId));
            }
            return true;
        }
    }
}
