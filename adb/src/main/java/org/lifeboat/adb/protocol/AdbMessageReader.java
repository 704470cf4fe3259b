package org.lifeboat.adb.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Reads device-transport messages from a byte stream, validating headers the way adb's {@code check_header} does.
 *
 * <p>Like adbd since Android 9, data_check is not verified: 29.0.6 hosts send 0 once the version allows it, and
 * adb up to 8.x was the last to reject bad sums. Headers whose command is unknown but whose magic is right are
 * skipped, as {@code handle_packet} ignores them. Not thread-safe; one reader per connection.
 */
public final class AdbMessageReader {
    private final InputStream in;
    private final byte[] header = new byte[AdbProtocol.HEADER_SIZE];
    private volatile int maxPayload;

    public AdbMessageReader(InputStream in, int maxPayload) {
        this.in = in;
        this.maxPayload = maxPayload;
    }

    /** Lowers or raises the payload limit, for example to the negotiated max payload after CNXN. */
    public void setMaxPayload(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    /**
     * The next message, or empty at a clean end of stream between messages.
     *
     * @throws MalformedMessageException on a bad magic, an oversized length, or a stream that ends mid-message
     */
    public Optional<AdbMessage> read() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return Optional.empty();
            }
            header[0] = (byte) first;
            readFully(header, 1, header.length - 1, "message header");
            ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int command = fields.getInt();
            int arg0 = fields.getInt();
            int arg1 = fields.getInt();
            int length = fields.getInt();
            fields.getInt(); // data_check, deliberately unverified (see class comment)
            int magic = fields.getInt();
            if (magic != ~command) {
                throw new MalformedMessageException(String.format(
                        "bad message magic %08x for command %08x, expected %08x", magic, command, ~command));
            }
            if (length < 0 || length > maxPayload) {
                throw new MalformedMessageException("message payload of " + Integer.toUnsignedString(length)
                        + " bytes exceeds the maximum of " + maxPayload);
            }
            byte[] payload = new byte[length];
            readFully(payload, 0, length, "message payload");
            Optional<AdbCommand> known = AdbCommand.fromWire(command);
            if (known.isPresent()) {
                return Optional.of(AdbMessage.wrapping(known.get(), arg0, arg1, payload));
            }
        }
    }

    private void readFully(byte[] into, int offset, int length, String what) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(into, offset + done, length - done);
            if (n < 0) {
                throw new MalformedMessageException(
                        "connection ended inside a " + what + " after " + done + " of " + length + " bytes");
            }
            done += n;
        }
    }
}
