package org.lifeboat.adb.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One shell-protocol packet: {@code u8 id, u32 LE length, data} ({@code shell_protocol.h}).
 *
 * <p>Packets are a byte stream on top of the adb stream: a packet may span several WRTEs and one WRTE may hold
 * several packets, so decode them with {@link ShellV2PacketDecoder}.
 */
public final class ShellV2Packet {
    /** The header size: one id byte and a 4-byte length. */
    public static final int HEADER_SIZE = 5;

    private final ShellV2PacketId id;
    private final byte[] data;

    private ShellV2Packet(ShellV2PacketId id, byte[] data) {
        this.id = Objects.requireNonNull(id, "id");
        this.data = data;
    }

    public static ShellV2Packet of(ShellV2PacketId id, byte[] data) {
        return new ShellV2Packet(id, data.clone());
    }

    public static ShellV2Packet of(ShellV2PacketId id, byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return new ShellV2Packet(id, Arrays.copyOfRange(data, offset, offset + length));
    }

    static ShellV2Packet wrapping(ShellV2PacketId id, byte[] data) {
        return new ShellV2Packet(id, data);
    }

    /** The exit packet; the status is sent as one unsigned byte, as adbd does. */
    public static ShellV2Packet exit(int status) {
        return new ShellV2Packet(ShellV2PacketId.EXIT, new byte[] {(byte) status});
    }

    public static ShellV2Packet closeStdin() {
        return new ShellV2Packet(ShellV2PacketId.CLOSE_STDIN, new byte[0]);
    }

    public ShellV2PacketId id() {
        return id;
    }

    public int length() {
        return data.length;
    }

    public byte[] data() {
        return data.clone();
    }

    /** The exit status carried by an {@link ShellV2PacketId#EXIT} packet, 0..255. */
    public int exitStatus() {
        if (id != ShellV2PacketId.EXIT || data.length != 1) {
            throw new IllegalStateException("not an exit packet with one status byte: " + this);
        }
        return data[0] & 0xff;
    }

    public byte[] encode() {
        return ByteBuffer.allocate(HEADER_SIZE + data.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) id.wireValue())
                .putInt(data.length)
                .put(data)
                .array();
    }

    /** Only the 5-byte header, for writers that stream a large payload after it. */
    public static byte[] encodeHeader(ShellV2PacketId id, int length) {
        return ByteBuffer.allocate(HEADER_SIZE)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) id.wireValue())
                .putInt(length)
                .array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShellV2Packet other && id == other.id && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return id + "(" + data.length + " bytes)";
    }
}
