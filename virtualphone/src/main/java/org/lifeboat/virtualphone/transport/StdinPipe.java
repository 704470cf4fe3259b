package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The command's stdin under shell v2: the packet pump appends STDIN payloads, CLOSE_STDIN ends it. A bounded
 * buffer, so a command that never reads stdin stalls the pump and, through the stream's delayed OKAY, the host.
 */
final class StdinPipe {
    private static final int CAPACITY = 256 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final byte[] ring = new byte[CAPACITY];
    private int head;
    private int size;
    private boolean writerClosed;
    private boolean readerClosed;

    private final InputStream input = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            return take(into, offset, length);
        }

        @Override
        public void close() {
            closeReader();
        }
    };

    InputStream input() {
        return input;
    }

    /** Appends bytes, waiting for room; bytes for a reader that has gone away are dropped. */
    void write(byte[] data) throws InterruptedIOException {
        int offset = 0;
        lock.lock();
        try {
            while (offset < data.length && !readerClosed) {
                while (size == CAPACITY && !readerClosed) {
                    changed.await();
                }
                int tail = (head + size) % CAPACITY;
                int n = Math.min(data.length - offset, Math.min(CAPACITY - size, CAPACITY - tail));
                System.arraycopy(data, offset, ring, tail, n);
                size += n;
                offset += n;
                changed.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while passing stdin to the command");
        } finally {
            lock.unlock();
        }
    }

    /** End of input: once drained, reads return -1. */
    void closeWriter() {
        lock.lock();
        try {
            writerClosed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void closeReader() {
        lock.lock();
        try {
            readerClosed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int take(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (size == 0 && !writerClosed) {
                changed.await();
            }
            if (size == 0) {
                return -1;
            }
            int n = Math.min(length, Math.min(size, CAPACITY - head));
            System.arraycopy(ring, head, into, offset, n);
            head = (head + n) % CAPACITY;
            size -= n;
            changed.signalAll();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading stdin");
        } finally {
            lock.unlock();
        }
    }
}
