package org.lifeboat.virtualphone.pipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded in-memory pipe, as between two stages of a pipeline or from adbd to a command's stdin. Like a kernel
 * pipe, a full pipe blocks the writer, writing after the reader has gone fails ({@link BrokenPipeException}, the
 * EPIPE a real writer would get with SIGPIPE ignored) and reading after the writer closed returns end of stream.
 */
public final class Pipe {
    /** Linux's default pipe capacity. */
    private static final int DEFAULT_CAPACITY = 64 * 1024;

    private final byte[] buffer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int start;
    private int count;
    private boolean writerClosed;
    private boolean readerClosed;

    private final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return take(b, off, len);
        }

        @Override
        public void close() {
            closeSide(true);
        }
    };

    private final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            put(b, off, len);
        }

        @Override
        public void close() {
            closeWriter();
        }
    };

    public Pipe() {
        this(DEFAULT_CAPACITY);
    }

    public Pipe(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a pipe's capacity must be positive, got " + capacity);
        }
        this.buffer = new byte[capacity];
    }

    /** The reading end; closing it makes later writes fail. */
    public InputStream input() {
        return input;
    }

    /** The writing end; closing it is end of stream for the reader once the pipe is drained. */
    public OutputStream output() {
        return output;
    }

    /** The same as closing {@link #output()}, for writers that hold the pipe rather than the stream. */
    public void closeWriter() {
        closeSide(false);
    }

    private int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (count == 0 && !writerClosed) {
                awaitChange();
            }
            if (count == 0) {
                return -1;
            }
            int n = Math.min(len, Math.min(count, buffer.length - start));
            System.arraycopy(buffer, start, b, off, n);
            start = (start + n) % buffer.length;
            count -= n;
            changed.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    private void put(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            while (len > 0) {
                while (count == buffer.length && !readerClosed) {
                    awaitChange();
                }
                if (readerClosed) {
                    throw new BrokenPipeException();
                }
                int end = (start + count) % buffer.length;
                int n = Math.min(len, Math.min(buffer.length - count, buffer.length - end));
                System.arraycopy(b, off, buffer, end, n);
                count += n;
                off += n;
                len -= n;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeSide(boolean reader) {
        lock.lock();
        try {
            if (reader) {
                readerClosed = true;
            } else {
                writerClosed = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitChange() throws InterruptedIOException {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting on a pipe");
        }
    }
}
