package org.lifeboat.repository.archiver;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.lifeboat.repository.filter.PathFilter;

/**
 * How to back up: what to leave out, how to label the snapshot, and where the work runs.
 *
 * @param hostname recorded in the snapshot; restic matches parents and {@code latest --host} by it
 * @param zone the time zone of times written into trees and the snapshot (restic writes local time)
 * @param workers runs hashing, compression and encryption of blobs, in parallel with reading files
 * @param maxBytesInFlight chunk bytes read but not yet stored; bounds memory whatever the file sizes
 */
public record ArchiverOptions(
        PathFilter excludes,
        List<String> excludeTexts,
        String hostname,
        List<String> tags,
        ZoneId zone,
        Clock clock,
        Executor workers,
        long maxBytesInFlight) {
    private static final long MIN_BYTES_IN_FLIGHT = 16L * 1024 * 1024;

    public ArchiverOptions {
        Objects.requireNonNull(excludes, "excludes");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(workers, "workers");
        excludeTexts = List.copyOf(excludeTexts);
        tags = List.copyOf(tags);
        if (maxBytesInFlight < MIN_BYTES_IN_FLIGHT) {
            throw new IllegalArgumentException("at least 16 MiB must be allowed in flight (two maximal chunks)");
        }
    }

    /** Options with these excludes (restic glob syntax), tags and host; zone and clock of this system. */
    public static ArchiverOptions of(List<String> excludes, List<String> tags, String hostname, Executor workers) {
        return new ArchiverOptions(
                PathFilter.parse(excludes),
                excludes,
                hostname,
                tags,
                ZoneId.systemDefault(),
                Clock.systemUTC(),
                workers,
                defaultMaxBytesInFlight());
    }

    /**
     * Enough chunk bytes in flight to keep every core busy (a few average chunks each, and always two maximal ones),
     * but a small share of the heap: chunks waiting to be stored live long enough to reach the old generation, and
     * under a small heap cap a 64 MiB backlog of them made most collections full ones.
     */
    public static long defaultMaxBytesInFlight() {
        long perCore = 8L * 1024 * 1024 * Runtime.getRuntime().availableProcessors();
        long heapShare = Runtime.getRuntime().maxMemory() / 16;
        return Math.clamp(Math.min(perCore, heapShare), MIN_BYTES_IN_FLIGHT, 64L * 1024 * 1024);
    }

    public ArchiverOptions withClock(Clock newClock, ZoneId newZone) {
        return new ArchiverOptions(
                excludes, excludeTexts, hostname, tags, newZone, newClock, workers, maxBytesInFlight);
    }
}
