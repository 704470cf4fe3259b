package org.lifeboat.adb.protocol;

import java.io.IOException;

/**
 * The peer sent bytes that break the wire format: a bad header magic, an oversized length, a truncated structure.
 *
 * <p>adb drops the whole connection in these cases ({@code check_header} in transport.cpp), so callers should too.
 */
public class MalformedMessageException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
