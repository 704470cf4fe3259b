package org.lifeboat.android.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded hand-over from a thread that writes (a sync pull) to one that reads (the chunker): at most
 * {@link #CAPACITY} buffers wait, so a fast phone cannot fill the heap. A failure on the writing side reaches the
 * reader as an {@link IOException}; a reader that closes early makes the writer fail instead of waiting forever.
 */
final class StreamPipe {
    private static final int CAPACITY = 32;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(CAPACITY);
    private volatile IOException failure;
    private volatile boolean readerClosed;

    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] data, int offset, int length) throws IOException {
                if (length > 0) {
                    put(Arrays.copyOfRange(data, offset, offset + length));
                }
            }
        };
    }

    void finish() throws IOException {
        put(END);
    }

    void fail(IOException cause) {
        failure = cause;
        buffers.offer(END);
    }

    private void put(byte[] buffer) throws IOException {
        try {
            while (!buffers.offer(buffer, 100, TimeUnit.MILLISECONDS)) {
                if (readerClosed) {
                    throw new IOException("the reader stopped before the end of the file");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing over file bytes");
        }
    }

    InputStream source() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int position;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                while (position == current.length) {
                    if (ended || !next()) {
                        return -1;
                    }
                }
                int n = Math.min(length, current.length - position);
                System.arraycopy(current, position, target, offset, n);
                position += n;
                return n;
            }

            private boolean next() throws IOException {
                byte[] buffer;
                try {
                    buffer = buffers.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for file bytes");
                }
                if (buffer == END) {
                    ended = true;
                    if (failure != null) {
                        throw failure;
                    }
                    return false;
                }
                current = buffer;
                position = 0;
                return true;
            }

            @Override
            public void close() {
                readerClosed = true;
                buffers.clear();
            }
        };
    }
}
