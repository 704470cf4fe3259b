package org.lifeboat.adb.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes device-transport messages to a byte stream. Thread-safe: each message goes out whole, so streams served
 * by different threads can share one connection.
 *
 * <p>data_check is the byte sum until the negotiated version reaches 0x01000001 ({@code send_packet} in
 * transport.cpp): a transport counts as version 0x01000000 before the peer's CNXN, so CNXN and AUTH carry sums.
 */
public final class AdbMessageWriter {
    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile int negotiatedVersion = AdbProtocol.VERSION_MIN;

    public AdbMessageWriter(OutputStream out) {
        this.out = out;
    }

    public void setNegotiatedVersion(int negotiatedVersion) {
        this.negotiatedVersion = negotiatedVersion;
    }

    public void write(AdbMessage message) throws IOException {
        byte[] encoded = message.encode(negotiatedVersion);
        lock.lock();
        try {
            out.write(encoded);
            out.flush();
        } finally {
            lock.unlock();
        }
    }
}
