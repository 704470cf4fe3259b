package org.lifeboat.adb.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The writing side of an adb stream, shared by the host and the virtual device: collects writes into payloads of at
 * most the peer's max payload, so every WRTE carries as much as the peer accepts, and hands each full payload (and,
 * on {@link #flush()}, what is pending) to a sink that applies the stream's flow control. Not thread-safe.
 */
public final class PayloadOutputStream extends OutputStream {
    /** Sends one WRTE payload, blocking until flow control allows it. */
    @FunctionalInterface
    public interface PayloadSink {
        /** Sends {@code buffer[0..length)}; the buffer is reused afterwards, so a sink that keeps it must copy. */
        void send(byte[] buffer, int length) throws IOException;
    }

    private final byte[] pending;
    private final PayloadSink sink;
    private int size;

    public PayloadOutputStream(int maxPayload, PayloadSink sink) {
        if (maxPayload <= 0) {
            throw new IllegalArgumentException("max payload must be positive, got " + maxPayload);
        }
        this.pending = new byte[maxPayload];
        this.sink = sink;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, pending.length - size);
            System.arraycopy(b, off, pending, size, n);
            size += n;
            off += n;
            len -= n;
            if (size == pending.length) {
                flush();
            }
        }
    }

    /** Sends what is pending; on failure it stays pending, so the stream keeps failing instead of losing data. */
    @Override
    public void flush() throws IOException {
        if (size > 0) {
            sink.send(pending, size);
            size = 0;
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
