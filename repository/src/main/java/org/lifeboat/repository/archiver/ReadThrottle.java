package org.lifeboat.repository.archiver;

import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import org.lifeboat.repository.chunker.Chunker;

/**
 * Bounds the files read at once: their number, since a remote source answers many reads at once well, and the
 * chunker read buffers they hold together. Each buffer holds up to the file's size, at most a maximal chunk and one
 * read (9 MiB), so four large videos at once would hold 36 MiB; the buffer budget lets two of them run, and small
 * files beside them.
 */
final class ReadThrottle {
    private static final int BUFFER_BUDGET_KIB = 24 * 1024;
    private static final int MAX_BUFFER_KIB = (Chunker.MAX_SIZE >> 10) + 1024;

    private final Semaphore reads;
    private final Semaphore bufferKib = new Semaphore(BUFFER_BUDGET_KIB);

    ReadThrottle(int parallelReads) {
        this.reads = new Semaphore(parallelReads);
    }

    /** Waits for room to read a file of about {@code size} bytes; the caller releases the permit when done. */
    Permit acquire(long size, String path) throws InterruptedIOException {
        int kib = (int) Math.min(MAX_BUFFER_KIB, (size >> 10) + 1);
        try {
            reads.acquire();
            try {
                bufferKib.acquire(kib);
            } catch (InterruptedException e) {
                reads.release();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to read " + path);
        }
        return new Permit(kib);
    }

    /** One file's share of the reads, released once. */
    final class Permit {
        private final int kib;
        private boolean released;

        private Permit(int kib) {
            this.kib = kib;
        }

        synchronized void release() {
            if (!released) {
                released = true;
                bufferKib.release(kib);
                reads.release();
            }
        }
    }
}
