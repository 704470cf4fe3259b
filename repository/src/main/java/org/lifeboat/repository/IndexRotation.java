package org.lifeboat.repository;

import java.time.Duration;
import java.util.Objects;

/**
 * When a long write writes an index file on its own, without waiting for {@link Repository#flush}.
 *
 * <p>Packs that no index file lists are orphans after a crash: restic's {@code check} accepts them, but the next
 * backup cannot reuse their blobs and uploads them again. Writing the index every few packs and every few minutes
 * bounds that loss. restic 0.14 rotates its index when it is full or 10 minutes old; we also rotate after a number of
 * packs, because on a fast link 10 minutes are many gigabytes.
 *
 * @param maxPacks write once this many stored packs are not yet in an index file
 * @param maxBlobs write once they hold this many blobs (restic's "full" index: 150,000 with compression)
 * @param maxAge write once the last index file was written this long ago and a pack has been stored since
 */
public record IndexRotation(int maxPacks, int maxBlobs, Duration maxAge) {
    /** 8 packs (128 MiB at restic's pack size), restic's 150,000 blobs, restic's 10 minutes. */
    public static final IndexRotation DEFAULT = new IndexRotation(8, 150_000, Duration.ofMinutes(10));

    public IndexRotation {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxPacks < 1 || maxBlobs < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("index rotation limits must be positive, got " + maxPacks + " packs, "
                    + maxBlobs + " blobs, " + maxAge);
        }
    }

    /** Whether the unsaved packs warrant an index file now. */
    boolean isDue(int unsavedPacks, int unsavedBlobs, Duration sinceLastIndex) {
        return unsavedPacks > 0
                && (unsavedPacks >= maxPacks || unsavedBlobs >= maxBlobs || sinceLastIndex.compareTo(maxAge) >= 0);
    }
}
