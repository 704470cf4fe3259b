package org.lifeboat.adb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellV2PacketDecoderTest {
    @Test
    void encodesTheVerifiedDeviceSequence() {
        // adb-protocol.md §1.3: 01 0b000000 "via-client\n" 03 01000000 05
        assertThat(HexFormat.of().formatHex(ShellV2Packet.exit(5).encode())).isEqualTo("030100000005");
        assertThat(HexFormat.of().formatHex(ShellV2Packet.closeStdin().encode()))
                .isEqualTo("0400000000");
    }

    @Test
    void decodesPacketsSplitAtEveryPossibleByte() throws Exception {
        byte[] stream = concat(
                ShellV2Packet.of(ShellV2PacketId.STDIN, "abc\n".getBytes()).encode(),
                ShellV2Packet.closeStdin().encode(),
                ShellV2Packet.of(ShellV2PacketId.WINDOW_SIZE_CHANGE, "40x100,0x0\0".getBytes())
                        .encode());

        for (int split = 0; split <= stream.length; split++) {
            ShellV2PacketDecoder decoder = new ShellV2PacketDecoder();
            List<ShellV2Packet> packets = new ArrayList<>(decoder.feed(stream, 0, split));
            packets.addAll(decoder.feed(stream, split, stream.length - split));

            assertThat(packets)
                    .extracting(ShellV2Packet::id)
                    .containsExactly(
                            ShellV2PacketId.STDIN, ShellV2PacketId.CLOSE_STDIN, ShellV2PacketId.WINDOW_SIZE_CHANGE);
            assertThat(packets.get(0).data()).asString().isEqualTo("abc\n");
            assertThat(decoder.hasPartialPacket()).isFalse();
        }
    }

    @Test
    void decodesOneByteAtATime() throws Exception {
        byte[] stream = ShellV2Packet.exit(7).encode();
        ShellV2PacketDecoder decoder = new ShellV2PacketDecoder();
        List<ShellV2Packet> packets = new ArrayList<>();
        for (byte b : stream) {
            packets.addAll(decoder.feed(new byte[] {b}, 0, 1));
        }

        assertThat(packets).hasSize(1);
        assertThat(packets.get(0).exitStatus()).isEqualTo(7);
    }

    @Test
    void skipsUnknownPacketIds() throws Exception {
        byte[] stream = concat(
                new byte[] {9, 2, 0, 0, 0, 'x', 'y'}, ShellV2Packet.closeStdin().encode());

        assertThat(new ShellV2PacketDecoder().feed(stream, 0, stream.length))
                .containsExactly(ShellV2Packet.closeStdin());
    }

    @Test
    void refusesAPacketLongerThanTheLimit() {
        byte[] header = ShellV2Packet.encodeHeader(ShellV2PacketId.STDIN, 2_000_000);

        assertThatThrownBy(() -> new ShellV2PacketDecoder().feed(header, 0, header.length))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("2000000 bytes");
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
