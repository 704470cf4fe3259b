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

    public ArchiverOptions {
        Objects.requireNonNull(excludes, "excludes");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(workers, "workers");
        excludeTexts = List.copyOf(excludeTexts);
        tags = List.copyOf(tags);
        if (maxBytesInFlight < 16L * 1024 * 1024) {
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
                64L * 1024 * 1024);
    }

    public ArchiverOptions withClock(Clock newClock, ZoneId newZone) {
        return new ArchiverOptions(
                excludes, excludeTexts, hostname, tags, newZone, newClock, workers, maxBytesInFlight);
    }
}
