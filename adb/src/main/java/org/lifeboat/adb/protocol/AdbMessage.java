package org.lifeboat.adb.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One device-transport message: a 24-byte header ({@code command, arg0, arg1, data_length, data_check, magic}, all
 * little-endian u32, see {@code adb.h} struct amessage) and its payload.
 *
 * <p>Immutable: the payload is copied on the way in and only exposed as a read-only view or a copy.
 */
public final class AdbMessage {
    private static final byte[] EMPTY = new byte[0];

    private final AdbCommand command;
    private final int arg0;
    private final int arg1;
    private final byte[] payload;

    private AdbMessage(AdbCommand command, int arg0, int arg1, byte[] payload) {
        this.command = Objects.requireNonNull(command, "command");
        this.arg0 = arg0;
        this.arg1 = arg1;
        this.payload = payload;
    }

    public static AdbMessage of(AdbCommand command, int arg0, int arg1, byte[] payload) {
        return new AdbMessage(command, arg0, arg1, payload.length == 0 ? EMPTY : payload.clone());
    }

    public static AdbMessage of(AdbCommand command, int arg0, int arg1, byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        return new AdbMessage(command, arg0, arg1, Arrays.copyOfRange(payload, offset, offset + length));
    }

    public static AdbMessage of(AdbCommand command, int arg0, int arg1) {
        return new AdbMessage(command, arg0, arg1, EMPTY);
    }

    /** Takes ownership of {@code payload} without copying; only for readers that just allocated it. */
    static AdbMessage wrapping(AdbCommand command, int arg0, int arg1, byte[] payload) {
        return new AdbMessage(command, arg0, arg1, payload);
    }

    public static AdbMessage connect(int version, int maxPayload, String systemIdentity) {
        return of(AdbCommand.CNXN, version, maxPayload, systemIdentity.getBytes(StandardCharsets.UTF_8));
    }

    public static AdbMessage open(int localId, String service) {
        // The OPEN payload always ends with one NUL (verified against 29.0.6, adb-protocol.md §2.2).
        byte[] text = service.getBytes(StandardCharsets.UTF_8);
        byte[] payload = Arrays.copyOf(text, text.length + 1);
        return new AdbMessage(AdbCommand.OPEN, localId, 0, payload);
    }

    public static AdbMessage okay(int localId, int remoteId) {
        return of(AdbCommand.OKAY, localId, remoteId);
    }

    public static AdbMessage close(int localId, int remoteId) {
        return of(AdbCommand.CLSE, localId, remoteId);
    }

    public static AdbMessage write(int localId, int remoteId, byte[] data, int offset, int length) {
        return of(AdbCommand.WRTE, localId, remoteId, data, offset, length);
    }

    public static AdbMessage auth(AuthType type, byte[] data) {
        return of(AdbCommand.AUTH, type.code(), 0, data);
    }

    public AdbCommand command() {
        return command;
    }

    public int arg0() {
        return arg0;
    }

    public int arg1() {
        return arg1;
    }

    public int payloadLength() {
        return payload.length;
    }

    /** A read-only view of the payload. */
    public ByteBuffer payload() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer();
    }

    public byte[] payloadBytes() {
        return payload.clone();
    }

    /**
     * The payload as text with trailing NULs removed: how adbd reads service strings and banners (the host sends
     * {@code "service\0"}, older hosts send the banner without a NUL).
     */
    public String payloadText() {
        int end = payload.length;
        while (end > 0 && payload[end - 1] == 0) {
            end--;
        }
        return new String(payload, 0, end, StandardCharsets.UTF_8);
    }

    /** The unsigned byte sum of the payload, which is data_check for versions before 0x01000001. */
    public int checksum() {
        int sum = 0;
        for (byte b : payload) {
            sum += b & 0xff;
        }
        return sum;
    }

    /** The 24-byte header followed by the payload, with data_check filled in when the version needs it. */
    public byte[] encode(int negotiatedVersion) {
        ByteBuffer buffer =
                ByteBuffer.allocate(AdbProtocol.HEADER_SIZE + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(command.wireValue())
                .putInt(arg0)
                .putInt(arg1)
                .putInt(payload.length)
                .putInt(AdbProtocol.usesChecksum(negotiatedVersion) ? checksum() : 0)
                .putInt(command.magic())
                .put(payload);
        return buffer.array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdbMessage other
                && command == other.command
                && arg0 == other.arg0
                && arg1 == other.arg1
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, arg0, arg1, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return command + "(" + Integer.toUnsignedString(arg0, 16) + ", " + Integer.toUnsignedString(arg1, 16) + ", "
                + payload.length + " bytes)";
    }
}
