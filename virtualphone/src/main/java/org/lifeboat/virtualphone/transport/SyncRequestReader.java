package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.lifeboat.adb.protocol.SyncProtocol;
import org.lifeboat.adb.protocol.SyncRequest;
import org.lifeboat.adb.protocol.SyncRequestDecoder;

/** Pulls sync requests one at a time off the stream, so each is answered before the next is even decoded. */
final class SyncRequestReader {
    private final InputStream in;
    private final SyncRequestDecoder decoder = new SyncRequestDecoder();
    private final byte[] chunk = new byte[SyncProtocol.DATA_MAX + 64];
    private int chunkPosition;
    private int chunkLength;

    SyncRequestReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next request, or empty when the host closed the stream.
     *
     * @throws org.lifeboat.adb.protocol.MalformedMessageException carrying the text for the FAIL reply
     */
    Optional<SyncRequest> next() throws IOException {
        while (true) {
            Optional<SyncRequest> request = decoder.next();
            if (request.isPresent()) {
                return request;
            }
            if (chunkPosition == chunkLength) {
                chunkLength = in.read(chunk);
                chunkPosition = 0;
                if (chunkLength < 0) {
                    chunkLength = 0;
                    return Optional.empty();
                }
            }
            chunkPosition += decoder.offer(chunk, chunkPosition, chunkLength - chunkPosition);
        }
    }
}
