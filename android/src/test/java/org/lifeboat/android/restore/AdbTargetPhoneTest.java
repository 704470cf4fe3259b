package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.lifeboat.adb.client.AdbStream;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DeviceConnection;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.DeviceService;
import org.lifeboat.adb.protocol.AdbFeatures;

class AdbTargetPhoneTest {

    @Test
    void aSessionReturnedAfterCloseIsClosedInsteadOfPooled() throws Exception {
        SlowSyncPhone connection = new SlowSyncPhone();
        AdbTargetPhone phone = new AdbTargetPhone(Device.of(connection), 34);
        CompletableFuture<Void> listing = CompletableFuture.runAsync(() -> {
            try {
                phone.list(DevicePath.of("/sdcard/DCIM"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.requestReceived.await();

        phone.close();
        connection.answer.countDown();
        listing.join();

        assertThat(connection.streams).hasSize(1);
        assertThat(connection.streams.getFirst().closed).isTrue();
    }

    @Test
    void aSessionReturnedBeforeCloseIsReusedAndClosedByClose() throws Exception {
        SlowSyncPhone connection = new SlowSyncPhone();
        connection.answer.countDown();
        AdbTargetPhone phone = new AdbTargetPhone(Device.of(connection), 34);

        phone.list(DevicePath.of("/sdcard/DCIM"));
        phone.list(DevicePath.of("/sdcard/Music"));
        assertThat(connection.streams.getFirst().closed).isFalse();
        phone.close();

        assertThat(connection.streams).hasSize(1);
        assertThat(connection.streams.getFirst().closed).isTrue();
    }

    /** A phone whose sync service answers every listing with an empty folder, once {@link #answer} is opened. */
    private static final class SlowSyncPhone implements DeviceConnection {
        final CountDownLatch requestReceived = new CountDownLatch(1);
        final CountDownLatch answer = new CountDownLatch(1);
        final List<FakeStream> streams = new ArrayList<>();

        @Override
        public String serial() {
            return "emulator-5554";
        }

        @Override
        public AdbFeatures features() {
            return new AdbFeatures(Set.of());
        }

        @Override
        public synchronized AdbStream open(DeviceService service) {
            FakeStream stream = new FakeStream(this);
            streams.add(stream);
            return stream;
        }

        @Override
        public void close() {}
    }

    /**
     * Answers each LIST with a DONE dent (file_sync_service.cpp: a zeroed dent_v1 with the DONE id), and QUIT by
     * ending the stream.
     */
    private static final class FakeStream implements AdbStream {
        private final SlowSyncPhone phone;
        private final ByteArrayInputStream emptyListing = new ByteArrayInputStream(doneDent());
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        volatile boolean closed;

        FakeStream(SlowSyncPhone phone) {
            this.phone = phone;
        }

        private static byte[] doneDent() {
            byte[] dent = new byte[20];
            System.arraycopy("DONE".getBytes(StandardCharsets.US_ASCII), 0, dent, 0, 4);
            return dent;
        }

        @Override
        public InputStream input() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    phone.requestReceived.countDown();
                    try {
                        phone.answer.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException();
                    }
                    if (sent.toString(StandardCharsets.ISO_8859_1).contains("QUIT")) {
                        return -1;
                    }
                    if (emptyListing.available() == 0) {
                        emptyListing.reset();
                    }
                    return emptyListing.read(buffer, offset, length);
                }
            };
        }

        @Override
        public OutputStream output() {
            return sent;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
