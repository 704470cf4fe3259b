package org.lifeboat.android.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamPipeTest {
    private final PacketBuffers packets = new PacketBuffers();

    @Test
    void bytesWrittenInPiecesOfAnySizeArriveInOrderThroughReusedBuffers() throws Exception {
        byte[] content = new byte[1_000_000];
        new Random(1).nextBytes(content);
        for (int round = 0; round < 2; round++) {
            StreamPipe pipe = new StreamPipe(packets);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream sink = pipe.sink();
                    sink.write(content, 0, 1);
                    sink.write(content, 1, 200_000); // more than one packet buffer
                    for (int at = 200_001; at < content.length; at += 65_536) {
                        sink.write(content, at, Math.min(65_536, content.length - at));
                    }
                    pipe.finish();
                } catch (IOException e) {
                    pipe.fail(e);
                }
            });
            try (InputStream source = pipe.source()) {
                assertThat(source.readAllBytes()).isEqualTo(content);
                assertThat(source.read()).isEqualTo(-1);
                assertThat(source.read(new byte[10], 0, 10)).isEqualTo(-1);
            }
            writer.join();
        }
    }

    @Test
    void aFailedPullReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
        StreamPipe pipe = new StreamPipe(packets);
        pipe.sink().write(new byte[] {1, 2, 3}, 0, 3);
        pipe.fail(new IOException("the phone went away"));
        InputStream source = pipe.source();

        assertThat(source.readNBytes(3)).containsExactly(1, 2, 3);
        assertThatThrownBy(source::read).isInstanceOf(IOException.class).hasMessage("the phone went away");
    }

    @Test
    void aFailureWhileTheQueueIsFullReachesTheReaderAfterTheQueuedBytes() throws Exception {
        StreamPipe pipe = new StreamPipe(packets);
        byte[] queued = new byte[16 * PacketBuffers.SIZE]; // as many packets as the pipe holds
        new Random(2).nextBytes(queued);
        pipe.sink().write(queued, 0, queued.length);
        Thread writer = Thread.ofVirtual().start(() -> pipe.fail(new IOException("the phone went away")));
        while (writer.isAlive() && writer.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait(); // until the failure waits for room behind the full queue (or gave up)
        }

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            InputStream source = pipe.source();
            assertThat(source.readNBytes(queued.length)).isEqualTo(queued);
            assertThatThrownBy(source::read).isInstanceOf(IOException.class).hasMessage("the phone went away");
        });
        writer.join();
    }

    @Test
    void aFailureStopsWaitingWhenTheReaderCloses() throws Exception {
        StreamPipe pipe = new StreamPipe(packets);
        pipe.sink().write(new byte[16 * PacketBuffers.SIZE], 0, 16 * PacketBuffers.SIZE);
        Thread writer = Thread.ofVirtual().start(() -> pipe.fail(new IOException("the phone went away")));

        pipe.source().close();

        assertThat(writer.join(Duration.ofSeconds(10))).isTrue();
    }
}
