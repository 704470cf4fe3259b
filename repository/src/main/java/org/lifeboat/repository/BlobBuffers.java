package org.lifeboat.repository;

import org.lifeboat.repository.crypto.MasterKey;

/**
 * One thread's reusable buffers for compressing and sealing blobs before they are copied into a pack, so saving a
 * blob allocates nothing once the buffers have grown to the usual chunk size. Allocating them per blob cost a
 * zeroed megabyte or two each time, and with G1 such arrays are humongous allocations.
 */
final class BlobBuffers {
    private static final ThreadLocal<BlobBuffers> PER_THREAD = ThreadLocal.withInitial(BlobBuffers::new);

    private byte[] compressed = new byte[0];
    private byte[] sealed = new byte[0];

    static BlobBuffers forThisThread() {
        return PER_THREAD.get();
    }

    /** Room for a frame shorter than {@code plaintextLength}; a longer one is not worth storing. */
    byte[] compressed(int plaintextLength) {
        if (compressed.length < plaintextLength) {
            compressed = new byte[plaintextLength];
        }
        return compressed;
    }

    /** Room for {@code payloadLength} bytes once sealed. */
    byte[] sealed(int payloadLength) {
        int needed = MasterKey.sealedLength(payloadLength);
        if (sealed.length < needed) {
            sealed = new byte[needed];
        }
        return sealed;
    }
}
