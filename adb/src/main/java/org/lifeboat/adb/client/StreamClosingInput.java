package org.lifeboat.adb.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.SocketException;

/** The input of one service stream; closing it closes the service, and a broken link says which phone went away. */
final class StreamClosingInput extends FilterInputStream {
    private final AdbStream stream;
    private final String serial;

    StreamClosingInput(AdbStream stream, String serial) {
        super(stream.input());
        this.stream = stream;
        this.serial = serial;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (SocketException e) {
            throw new DeviceDisconnectedException(serial, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (SocketException e) {
            throw new DeviceDisconnectedException(serial, e);
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
