package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A device service bound to one stream: reads what the host writes, writes what the host reads, then returns. */
@FunctionalInterface
interface StreamService {
    void serve(InputStream fromHost, OutputStream toHost) throws IOException;
}
