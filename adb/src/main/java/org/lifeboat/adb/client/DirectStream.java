package org.lifeboat.adb.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.lifeboat.adb.protocol.AdbMessage;
import org.lifeboat.adb.protocol.PayloadInputStream;
import org.lifeboat.adb.protocol.PayloadOutputStream;

/**
 * One stream multiplexed over a direct connection, with adb's flow control (adb-protocol.md §4.4): at most one
 * unacknowledged WRTE per direction. Incoming data is acknowledged only when the reader takes it, so a slow consumer
 * slows the phone down instead of filling memory.
 */
final class DirectStream implements AdbStream {
    private final DirectDeviceConnection connection;
    private final int localId;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> incoming = new ArrayDeque<>();
    private final InputStream input = new PayloadInputStream(this::takeChunk, this);
    private final OutputStream output;

    private int remoteId;
    private boolean opened;
    private boolean refused;
    private boolean remoteClosed;
    private boolean localClosed;
    private boolean writeInFlight;
    private IOException failure;

    DirectStream(DirectDeviceConnection connection, int localId, int maxPayload) {
        this.connection = connection;
        this.localId = localId;
        this.output = new PayloadOutputStream(maxPayload, this::sendChunk);
    }

    int localId() {
        return localId;
    }

    /** Waits for the phone's OKAY (accepted) or CLSE (refused) to our OPEN. */
    boolean awaitOpened() throws IOException {
        lock.lock();
        try {
            while (!opened && !refused && failure == null) {
                await();
            }
            if (failure != null) {
                throw failure;
            }
            return opened;
        } finally {
            lock.unlock();
        }
    }

    void onOkay(int remote) {
        signal(() -> {
            if (!opened) {
                opened = true;
                remoteId = remote;
            } else {
                writeInFlight = false;
            }
        });
    }

    void onWrite(byte[] data) {
        signal(() -> incoming.addLast(data));
    }

    void onClose() {
        signal(() -> {
            if (opened) {
                remoteClosed = true;
            } else {
                refused = true;
            }
        });
    }

    void onFailure(IOException cause) {
        signal(() -> failure = cause);
    }

    private void signal(Runnable update) {
        lock.lock();
        try {
            update.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await() throws InterruptedIOException {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the phone");
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() throws IOException {
        int remote;
        lock.lock();
        try {
            if (localClosed) {
                return;
            }
            localClosed = true;
            remote = remoteId;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        connection.closeStream(this, remote);
    }

    /** Takes the next chunk from the phone and acknowledges it; null at end of stream. */
    private byte[] takeChunk() throws IOException {
        byte[] chunk;
        int remote;
        lock.lock();
        try {
            while (incoming.isEmpty() && !remoteClosed && !localClosed && failure == null) {
                await();
            }
            if (!incoming.isEmpty()) {
                chunk = incoming.removeFirst();
                remote = remoteId;
            } else if (failure != null && !remoteClosed) {
                throw failure;
            } else {
                return null;
            }
        } finally {
            lock.unlock();
        }
        if (!remoteClosed) {
            connection.send(AdbMessage.okay(localId, remote));
        }
        return chunk;
    }

    /** Sends one WRTE after the previous one was acknowledged. */
    private void sendChunk(byte[] data, int length) throws IOException {
        int remote;
        lock.lock();
        try {
            while (writeInFlight && !remoteClosed && !localClosed && failure == null) {
                await();
            }
            if (failure != null) {
                throw failure;
            }
            if (remoteClosed || localClosed) {
                throw new EOFException("the phone closed the stream");
            }
            writeInFlight = true;
            remote = remoteId;
        } finally {
            lock.unlock();
        }
        connection.send(AdbMessage.write(localId, remote, data, 0, length));
    }
}
