package org.lifeboat.repository.compression;

import java.io.Closeable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reusable native zstd contexts. Each one holds a megabyte or more of native tables that zstd would otherwise
 * allocate and initialise for every blob; zstd-jni frees them only on {@code close()}, so the pool keeps at most
 * {@code capacity} idle ones and closes the rest. A pool rather than thread-locals, because pack uploads and restores
 * run on short-lived virtual threads.
 */
final class ContextPool<T extends Closeable> {
    private final Supplier<T> factory;
    private final int capacity;
    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    ContextPool(Supplier<T> factory, int capacity) {
        this.factory = factory;
        this.capacity = capacity;
    }

    T borrow() {
        T context = idle.pollFirst();
        if (context == null) {
            return factory.get();
        }
        idleCount.decrementAndGet();
        return context;
    }

    /** Takes back a context after successful use; one that failed may be in any state and is closed instead. */
    void giveBack(T context) {
        if (idleCount.incrementAndGet() <= capacity) {
            idle.offerFirst(context);
        } else {
            idleCount.decrementAndGet();
            close(context);
        }
    }

    void discard(T context) {
        close(context);
    }

    private static void close(Closeable context) {
        try {
            context.close();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("closing a zstd context cannot fail", e);
        }
    }
}
