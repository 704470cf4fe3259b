package org.lifeboat.adb.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The reading side of an adb stream, shared by the host and the virtual device: reads through the WRTE payloads a
 * source hands over one at a time. The source decides when each payload is acknowledged, which is what makes a slow
 * reader slow its peer down (adb-protocol.md §4.4). Not thread-safe.
 */
public final class PayloadInputStream extends InputStream {
    /** Hands over the next payload, blocking until one arrives. */
    @FunctionalInterface
    public interface PayloadSource {
        /** The next payload, or null at the end of the stream. */
        byte[] next() throws IOException;
    }

    private final PayloadSource source;
    private final Closeable onClose;
    private byte[] chunk = new byte[0];
    private int position;

    /** A stream whose {@link #close()} runs {@code onClose}, for example to close the adb stream behind it. */
    public PayloadInputStream(PayloadSource source, Closeable onClose) {
        this.source = source;
        this.onClose = onClose;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == chunk.length) {
            byte[] next = source.next();
            if (next == null) {
                return -1;
            }
            chunk = next;
            position = 0;
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        onClose.close();
    }
}
