package org.lifeboat.adb.client;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.lifeboat.adb.protocol.SyncId;
import org.lifeboat.adb.protocol.SyncProtocol;

/**
 * The host side of the sync byte stream: little-endian requests out, blocking reads of replies in. Paths are written
 * as raw bytes (the shared {@code SyncRequest} codec takes Java strings, which cannot carry non-UTF-8 file names).
 */
final class SyncWire {
    private final InputStream in;
    private final OutputStream out;
    private final byte[] scratch = new byte[8];

    SyncWire(AdbStream stream) {
        this.in = stream.input();
        this.out = new BufferedOutputStream(stream.output(), SyncProtocol.DATA_MAX + 64);
    }

    void writeRequest(SyncId id, byte[] path) throws IOException {
        if (path.length > SyncProtocol.PATH_MAX) {
            throw new IllegalArgumentException("the sync protocol carries paths of at most " + SyncProtocol.PATH_MAX
                    + " bytes, this one has " + path.length);
        }
        writeHeader(id, path.length);
        out.write(path);
    }

    void writeHeader(SyncId id, int value) throws IOException {
        writeInt(id.wireValue());
        writeInt(value);
    }

    void writeInt(int value) throws IOException {
        ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value);
        out.write(scratch, 0, 4);
    }

    void writeBytes(byte[] data, int offset, int length) throws IOException {
        out.write(data, offset, length);
    }

    void flush() throws IOException {
        out.flush();
    }

    int readInt() throws IOException {
        readFully(scratch, 0, 4);
        return ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    }

    long readLong() throws IOException {
        readFully(scratch, 0, 8);
        return ByteBuffer.wrap(scratch).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    byte[] readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        readFully(bytes, 0, count);
        return bytes;
    }

    void readFully(byte[] into, int offset, int length) throws IOException {
        int done = in.readNBytes(into, offset, length);
        if (done < length) {
            throw new EOFException("the phone closed the sync stream mid-reply");
        }
    }

    /** The text of a FAIL reply whose length field was {@code length}. */
    String readFailMessage(int length) throws IOException {
        if (length < 0 || length > SyncProtocol.DATA_MAX) {
            throw new AdbProtocolException("the phone sent a sync FAIL message of " + length + " bytes");
        }
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    /** Reads until the phone closes the stream, which is how it acknowledges QUIT. */
    void drainToEnd() throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }
}
