package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.InputStream;
import org.lifeboat.virtualphone.pipe.BrokenPipeException;
import org.lifeboat.virtualphone.pipe.Pipe;

/**
 * The command's stdin under shell v2: the packet pump appends STDIN payloads, CLOSE_STDIN ends it. A bounded
 * buffer, so a command that never reads stdin stalls the pump and, through the stream's delayed OKAY, the host.
 */
final class StdinPipe {
    private static final int CAPACITY = 256 * 1024;

    private final Pipe pipe = new Pipe(CAPACITY);

    InputStream input() {
        return pipe.input();
    }

    /** Appends bytes, waiting for room; bytes for a reader that has gone away are dropped. */
    void write(byte[] data) throws IOException {
        try {
            pipe.output().write(data);
        } catch (BrokenPipeException e) {
            // Dropped so the pump keeps draining the host: the command has stopped reading, not the stream.
        }
    }

    /** End of input: once drained, reads return -1. */
    void closeWriter() {
        pipe.closeWriter();
    }
}
