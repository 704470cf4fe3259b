package org.lifeboat.adb.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an arbitrarily split or merged byte stream into shell-protocol packets.
 *
 * <p>Packets with an id this enum does not know are skipped, as adbd's shell service ignores them. A length above
 * the limit is refused rather than buffered, so a hostile peer cannot make us allocate gigabytes. Not thread-safe.
 */
public final class ShellV2PacketDecoder {
    private final int maxPacketLength;
    private final ByteBuffer header =
            ByteBuffer.allocate(ShellV2Packet.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] body;
    private int bodyFilled;
    private int bodyId;

    public ShellV2PacketDecoder() {
        this(AdbProtocol.MAX_PAYLOAD);
    }

    public ShellV2PacketDecoder(int maxPacketLength) {
        this.maxPacketLength = maxPacketLength;
    }

    /** Feeds bytes and returns every packet they complete, in order. */
    public List<ShellV2Packet> feed(byte[] bytes, int offset, int length) throws MalformedMessageException {
        List<ShellV2Packet> packets = new ArrayList<>();
        int position = offset;
        int end = offset + length;
        while (position < end) {
            if (body == null) {
                int take = Math.min(header.remaining(), end - position);
                header.put(bytes, position, take);
                position += take;
                if (header.hasRemaining()) {
                    break;
                }
                startBody();
            }
            int take = Math.min(body.length - bodyFilled, end - position);
            System.arraycopy(bytes, position, body, bodyFilled, take);
            bodyFilled += take;
            position += take;
            if (bodyFilled == body.length) {
                finishPacket().ifPresent(packets::add);
            }
        }
        return packets;
    }

    /** Whether a packet has been started but not completed. */
    public boolean hasPartialPacket() {
        return body != null || header.position() > 0;
    }

    private void startBody() throws MalformedMessageException {
        header.flip();
        bodyId = header.get() & 0xff;
        int length = header.getInt();
        header.clear();
        if (length < 0 || length > maxPacketLength) {
            throw new MalformedMessageException("shell packet of " + Integer.toUnsignedString(length)
                    + " bytes exceeds the maximum of " + maxPacketLength);
        }
        body = new byte[length];
        bodyFilled = 0;
    }

    private Optional<ShellV2Packet> finishPacket() {
        byte[] data = body;
        body = null;
        return ShellV2PacketId.fromWire(bodyId).map(id -> ShellV2Packet.wrapping(id, data));
    }
}
