package org.lifeboat.virtualphone.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded in-memory pipe between two stages of a pipeline. Like a kernel pipe, writing after the reader has gone
 * fails ({@link BrokenPipeException}, the EPIPE a real writer would get with SIGPIPE ignored) and reading after the
 * writer closed returns end of stream.
 */
final class Pipe {
    /** Linux's default pipe capacity. */
    private static final int CAPACITY = 64 * 1024;

    private final byte[] buffer = new byte[CAPACITY];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int start;
    private int count;
    private boolean writerClosed;
    private boolean readerClosed;

    final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
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
                int n = Math.min(len, Math.min(count, CAPACITY - start));
                System.arraycopy(buffer, start, b, off, n);
                start = (start + n) % CAPACITY;
                count -= n;
                changed.signalAll();
                return n;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                readerClosed = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    };

    final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            lock.lock();
            try {
                while (len > 0) {
                    while (count == CAPACITY && !readerClosed) {
                        awaitChange();
                    }
                    if (readerClosed) {
                        throw new BrokenPipeException();
                    }
                    int end = (start + count) % CAPACITY;
                    int n = Math.min(len, Math.min(CAPACITY - count, CAPACITY - end));
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

        @Override
        public void close() {
            lock.lock();
            try {
                writerClosed = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    };

    private void awaitChange() throws IOException {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("pipe wait interrupted");
        }
    }

    /** Writing to a pipe whose reader has exited. */
    static final class BrokenPipeException extends IOException {
        private static final long serialVersionUID = 1L;

        BrokenPipeException() {
            super("Broken pipe");
        }
    }
}
