package org.lifeboat.virtualphone.transport;

import java.io.IOException;

/** The host closed the stream (or dropped the connection) while a service was still writing to it. */
final class StreamClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    StreamClosedException(int localId) {
        super("adb stream " + localId + " was closed by the host");
    }
}
