package org.lifeboat.virtualphone.pipe;

import java.io.IOException;

/** Writing to a pipe whose reader has gone: EPIPE. */
public final class BrokenPipeException extends IOException {
    private static final long serialVersionUID = 1L;

    BrokenPipeException() {
        super("Broken pipe");
    }
}
