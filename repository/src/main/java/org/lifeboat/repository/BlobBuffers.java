package org.lifeboat.repository;

/**
 * One thread's reusable buffer for compressing blobs before they are sealed into a pack, so saving a blob allocates
 * nothing once the buffer has grown to the usual chunk size. Allocating it per blob cost a zeroed megabyte or two
 * each time, and such short-lived large arrays are what fills a small heap. (Sealing needs no buffer of its own: it
 * writes straight into the pack.)
 */
final class BlobBuffers {
    private static final ThreadLocal<BlobBuffers> PER_THREAD = ThreadLocal.withInitial(BlobBuffers::new);

    private byte[] compressed = new byte[0];

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
}
