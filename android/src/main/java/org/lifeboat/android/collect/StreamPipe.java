package org.lifeboat.android.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded hand-over from a thread that writes (a sync pull) to one that reads (the chunker): at most
 * {@link #CAPACITY} packet buffers wait, so a fast phone cannot fill the heap, and each goes back to the shared
 * {@link PacketBuffers} once read. A failure on the writing side reaches the
 * reader as an {@link IOException}; a reader that closes early makes the writer fail instead of waiting forever.
 */
final class StreamPipe {
    /** 1 MiB of sync DATA packets: enough to ride out scheduling hiccups, little heap with several files at once. */
    private static final int CAPACITY = 16;

    private static final Packet END = new Packet(new byte[0], 0);

    private final PacketBuffers packets;
    private final BlockingQueue<Packet> buffers = new ArrayBlockingQueue<>(CAPACITY);
    private volatile IOException failure;
    private volatile boolean readerClosed;

    /** Bytes {@code [0, length)} of a buffer from {@link PacketBuffers}. */
    private record Packet(byte[] bytes, int length) {}

    StreamPipe(PacketBuffers packets) {
        this.packets = packets;
    }

    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] data, int offset, int length) throws IOException {
                for (int done = 0; done < length; ) {
                    int n = Math.min(PacketBuffers.SIZE, length - done);
                    byte[] buffer = packets.take();
                    System.arraycopy(data, offset + done, buffer, 0, n);
                    put(new Packet(buffer, n));
                    done += n;
                }
            }
        };
    }

    void finish() throws IOException {
        put(END);
    }

    /**
     * Hands {@code cause} to the reader after the bytes already queued. Waits, like a write, until the reader takes
     * the end or closes: the queue is usually full, and a reader that never saw the end would wait forever.
     */
    void fail(IOException cause) {
        failure = cause;
        boolean interrupted = false;
        try {
            while (!readerClosed) {
                try {
                    if (buffers.offer(END, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    // Keep waiting: giving up here would leave the reader blocked for good.
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void put(Packet buffer) throws IOException {
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
            private Packet current = END;
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
                while (position == current.length()) {
                    if (ended || !next()) {
                        return -1;
                    }
                }
                int n = Math.min(length, current.length() - position);
                System.arraycopy(current.bytes(), position, target, offset, n);
                position += n;
                return n;
            }

            private boolean next() throws IOException {
                if (current != END) {
                    packets.giveBack(current.bytes());
                    current = END;
                    position = 0;
                }
                Packet buffer;
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
