package org.lifeboat.adb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncRequestDecoderTest {
    private static final byte[] SMALL_FILE = "hello, phone\n".getBytes();

    /** A small push as 29.0.6 sends it: SEND+path, DATA and DONE in one write, then STA2 and QUIT. */
    private static byte[] pushStream() {
        return ShellV2PacketDecoderTest.concat(
                new SyncRequest.Stat(SyncId.STA2, "/sdcard/up.bin").encode(),
                SyncRequest.Send.v1("/sdcard/dir,with,commas/up.bin", 0100644).encode(),
                SyncRequest.Data.of(SMALL_FILE, 0, SMALL_FILE.length).encode(),
                new SyncRequest.Done(1_700_000_000L).encode(),
                new SyncRequest.Quit().encode());
    }

    private static final List<SyncRequest> EXPECTED = List.of(
            new SyncRequest.Stat(SyncId.STA2, "/sdcard/up.bin"),
            SyncRequest.Send.v1("/sdcard/dir,with,commas/up.bin", 0100644),
            SyncRequest.Data.of(SMALL_FILE, 0, SMALL_FILE.length),
            new SyncRequest.Done(1_700_000_000L),
            new SyncRequest.Quit());

    @Test
    void decodesRequestsMergedIntoOneWrite() throws Exception {
        byte[] stream = pushStream();

        assertThat(new SyncRequestDecoder().feed(stream, 0, stream.length)).isEqualTo(EXPECTED);
    }

    @Test
    void decodesRequestsSplitAtEveryPossiblePairOfPoints() throws Exception {
        byte[] stream = pushStream();
        for (int first = 0; first <= stream.length; first += 3) {
            for (int second = first; second <= stream.length; second += 5) {
                SyncRequestDecoder decoder = new SyncRequestDecoder();
                List<SyncRequest> requests = new ArrayList<>(decoder.feed(stream, 0, first));
                requests.addAll(decoder.feed(stream, first, second - first));
                requests.addAll(decoder.feed(stream, second, stream.length - second));

                assertThat(requests).isEqualTo(EXPECTED);
            }
        }
    }

    @Test
    void decodesFullSizeChunksFedInOddPieces() throws Exception {
        byte[] chunk = new byte[SyncProtocol.DATA_MAX];
        chunk[SyncProtocol.DATA_MAX - 1] = 42;
        byte[] data = SyncRequest.Data.of(chunk, 0, chunk.length).encode();
        byte[] stream = ShellV2PacketDecoderTest.concat(data, data, new SyncRequest.Done(5).encode());

        SyncRequestDecoder decoder = new SyncRequestDecoder();
        List<SyncRequest> requests = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += 7777) {
            requests.addAll(decoder.feed(stream, offset, Math.min(7777, stream.length - offset)));
        }

        assertThat(requests).hasSize(3);
        assertThat(((SyncRequest.Data) requests.get(1)).bytes()).isEqualTo(chunk);
        assertThat(requests.get(2)).isEqualTo(new SyncRequest.Done(5));
    }

    @Test
    void decodesTheVersionTwoSetups() throws Exception {
        byte[] stream = ShellV2PacketDecoderTest.concat(
                new SyncRequest.Send("/sdcard/a", 0100644, true, SyncProtocol.FLAG_DRY_RUN).encode(),
                new SyncRequest.Receive("/sdcard/b", true, 0).encode());

        assertThat(new SyncRequestDecoder().feed(stream, 0, stream.length))
                .containsExactly(
                        new SyncRequest.Send("/sdcard/a", 0100644, true, SyncProtocol.FLAG_DRY_RUN),
                        new SyncRequest.Receive("/sdcard/b", true, 0));
    }

    @Test
    void readsTheSendModeLikeStrtoul() throws Exception {
        assertThat(decodeOne(rawPathRequest(SyncId.SEND, "/a,0x1a4"))).isEqualTo(SyncRequest.Send.v1("/a", 0x1a4));
        assertThat(decodeOne(rawPathRequest(SyncId.SEND, "/a,0644"))).isEqualTo(SyncRequest.Send.v1("/a", 0644));
    }

    @Test
    void answersBadRequestsWithAdbdsMessages() {
        assertThatThrownBy(() -> decodeOne(rawPathRequest(SyncId.SEND, "/no-comma")))
                .hasMessage("missing , in ID_SEND");
        assertThatThrownBy(() -> decodeOne(rawPathRequest(SyncId.STAT, "/" + "x".repeat(1024))))
                .hasMessage("path too long");
        assertThatThrownBy(() -> decodeOne(header(0x12345678, 0))).hasMessage("unknown command 12345678");
        assertThatThrownBy(() -> decodeOne(header(SyncId.DATA.wireValue(), SyncProtocol.DATA_MAX + 1)))
                .hasMessage("oversize data message");
    }

    @Test
    void answersEarlierRequestsBeforeReportingALaterBadOne() throws Exception {
        byte[] stream = ShellV2PacketDecoderTest.concat(new SyncRequest.Quit().encode(), header(0x12345678, 0));
        SyncRequestDecoder decoder = new SyncRequestDecoder();

        assertThat(decoder.offer(stream, 0, stream.length)).isEqualTo(stream.length);
        assertThat(decoder.next()).contains(new SyncRequest.Quit());
        assertThatThrownBy(decoder::next).isInstanceOf(MalformedMessageException.class);
    }

    private static SyncRequest decodeOne(byte[] bytes) throws MalformedMessageException {
        List<SyncRequest> requests = new SyncRequestDecoder().feed(bytes, 0, bytes.length);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static byte[] rawPathRequest(SyncId id, String path) {
        return ShellV2PacketDecoderTest.concat(header(id.wireValue(), path.length()), path.getBytes());
    }

    private static byte[] header(int id, int length) {
        return ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(id)
                .putInt(length)
                .array();
    }
}
