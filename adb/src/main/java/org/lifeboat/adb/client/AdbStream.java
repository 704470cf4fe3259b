package org.lifeboat.adb.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One open device service: bytes from the phone and bytes to it. End-of-input cannot be signalled by half-closing
 * (the adb server does not forward it); services that need it have their own end marker.
 */
public interface AdbStream extends Closeable {
    InputStream input();

    OutputStream output();

    /** Closes the service on the phone; blocked reads and writes fail. */
    @Override
    void close() throws IOException;
}
