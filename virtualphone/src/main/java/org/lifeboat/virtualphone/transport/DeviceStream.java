package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.PayloadInputStream;
import org.lifeboat.adb.protocol.PayloadOutputStream;

/**
 * One adb stream as the device sees it, with adbd's flow control (adb-protocol.md §4.4): each WRTE from the host is
 * acknowledged with OKAY only when the service starts consuming it, so a slow service slows the host down; and at
 * most one of our WRTEs is unacknowledged at a time, each at most the host's max payload.
 *
 * <p>The service thread uses {@link #input()} and {@link #output()}; the connection's reader thread calls
 * {@link #deliver}, {@link #acknowledged} and {@link #closedByHost}.
 */
final class DeviceStream {
    /** A host that ignores flow control could queue without bound; adbd never buffers more than one packet either. */
    private static final int MAX_QUEUED_WRITES = 8;

    private final int localId;
    private final int remoteId;
    private final MessageSink sink;
    private final int maxWrite;

    private final ReentrantLock lock = new ReentrantLock();
    /**
     * Separate conditions for the service's two waits, so that the host's OKAY for our last write does not wake a
     * service that is waiting for its next request (once per file in a pull), and data does not wake a writer.
     */
    private final Condition inboundChanged = lock.newCondition();

    private final Condition writeAcknowledged = lock.newCondition();
    private final Deque<byte[]> inbound = new ArrayDeque<>();
    private boolean hostClosed;
    private boolean writeInFlight;
    private boolean closeSent;

    /** Closing the input alone does nothing: a service ends its stream by returning, which calls {@link #close()}. */
    private final InputStream input = new PayloadInputStream(this::takeChunk, () -> {});

    private final PayloadOutputStream output;

    /** Where the stream's messages go: the connection's writer. */
    interface MessageSink {
        void send(AdbMessage message) throws IOException;

        void forget(DeviceStream stream);
    }

    DeviceStream(int localId, int remoteId, int maxWrite, MessageSink sink) {
        this.localId = localId;
        this.remoteId = remoteId;
        this.maxWrite = maxWrite;
        this.sink = sink;
        this.output = new PayloadOutputStream(maxWrite, this::sendWrite);
    }

    int localId() {
        return localId;
    }

    int remoteId() {
        return remoteId;
    }

    InputStream input() {
        return input;
    }

    OutputStream output() {
        return output;
    }

    /**
     * A WRTE arrived. Returns false if the host overran flow control, in which case the caller drops the stream.
     */
    boolean deliver(byte[] data) {
        lock.lock();
        try {
            if (hostClosed) {
                return true;
            }
            if (inbound.size() >= MAX_QUEUED_WRITES) {
                return false;
            }
            inbound.add(data);
            inboundChanged.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The host's OKAY for our outstanding WRTE. */
    void acknowledged() {
        lock.lock();
        try {
            writeInFlight = false;
            writeAcknowledged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The host closed the stream (or the connection died): wake everyone; reads see EOF, writes fail. */
    void closedByHost() {
        lock.lock();
        try {
            hostClosed = true;
            inbound.clear();
            wakeEveryone();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the stream from our side: sends what is buffered, waits for its acknowledgement so the host has it all,
     * then sends CLSE once, as adbd's local_socket_close does when packets are still pending.
     */
    void close() {
        try {
            output.flush();
            awaitNoWriteInFlight();
        } catch (IOException e) {
            // The host is gone or closed first; CLSE below is then skipped or harmless.
        }
        boolean sendClose;
        lock.lock();
        try {
            sendClose = !hostClosed && !closeSent;
            closeSent = true;
            hostClosed = true;
            wakeEveryone();
        } finally {
            lock.unlock();
        }
        sink.forget(this);
        if (sendClose) {
            try {
                sink.send(AdbMessage.close(localId, remoteId));
            } catch (IOException e) {
                // The connection is dying; its reader will clean up.
            }
        }
    }

    /** Called with the lock held. */
    private void wakeEveryone() {
        inboundChanged.signalAll();
        writeAcknowledged.signalAll();
    }

    private void awaitNoWriteInFlight() throws IOException {
        lock.lock();
        try {
            while (writeInFlight && !hostClosed) {
                writeAcknowledged.await();
            }
            if (hostClosed) {
                throw new StreamClosedException(localId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the host to acknowledge a write");
        } finally {
            lock.unlock();
        }
    }

    private void sendWrite(byte[] buffer, int length) throws IOException {
        awaitNoWriteInFlight();
        lock.lock();
        try {
            writeInFlight = true;
        } finally {
            lock.unlock();
        }
        sink.send(AdbMessage.write(localId, remoteId, buffer, 0, length));
    }

    /** Takes the next host chunk, acknowledging it; null at end of stream. */
    private byte[] takeChunk() throws IOException {
        byte[] chunk;
        lock.lock();
        try {
            while (inbound.isEmpty() && !hostClosed) {
                inboundChanged.await();
            }
            if (inbound.isEmpty()) {
                return null;
            }
            chunk = inbound.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for data from the host");
        } finally {
            lock.unlock();
        }
        sink.send(AdbMessage.okay(localId, remoteId));
        return chunk;
    }

    @Override
    public String toString() {
        return "stream " + localId + "<->" + remoteId + " (max write " + maxWrite + ")";
    }
}
