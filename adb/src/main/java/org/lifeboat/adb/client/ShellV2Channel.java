package org.lifeboat.adb.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Optional;
import org.lifeboat.adb.protocol.ShellV2Packet;
import org.lifeboat.adb.protocol.ShellV2PacketDecoder;
import org.lifeboat.adb.protocol.ShellV2PacketId;

/** The host end of a shell-protocol stream: stdin packets out, stdout/stderr/exit packets in. */
final class ShellV2Channel implements Closeable {
    /** Stdin packets stay well under the reader's MAX_PAYLOAD - 5 buffer in adbd's shell service. */
    private static final int STDIN_CHUNK = 64 * 1024;

    private final AdbStream stream;
    private final InputStream in;
    private final OutputStream out;
    private final ShellV2PacketDecoder decoder = new ShellV2PacketDecoder();
    private final ArrayDeque<ShellV2Packet> decoded = new ArrayDeque<>();
    private final byte[] buffer = new byte[64 * 1024];

    ShellV2Channel(AdbStream stream) {
        this.stream = stream;
        this.in = stream.input();
        this.out = stream.output();
    }

    /** The next packet, or empty when the phone closed the stream. */
    Optional<ShellV2Packet> next() throws IOException {
        while (decoded.isEmpty()) {
            int n = in.read(buffer);
            if (n < 0) {
                return Optional.empty();
            }
            decoded.addAll(decoder.feed(buffer, 0, n));
        }
        return Optional.of(decoded.removeFirst());
    }

    void writeStdin(byte[] data) throws IOException {
        for (int offset = 0; offset < data.length; offset += STDIN_CHUNK) {
            int length = Math.min(STDIN_CHUNK, data.length - offset);
            out.write(ShellV2Packet.encodeHeader(ShellV2PacketId.STDIN, length));
            out.write(data, offset, length);
        }
        out.flush();
    }

    /** Tells the command its stdin is at an end, as {@code adb shell} does when its own stdin is not a terminal. */
    void closeStdin() throws IOException {
        out.write(ShellV2Packet.closeStdin().encode());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
