package org.lifeboat.repository.lock;

import java.time.Duration;
import java.util.Objects;

/**
 * The timings of restic's lock protocol.
 *
 * @param settleDelay how long to wait after writing a lock before re-checking for a competitor's lock
 * @param refreshInterval how often a held lock is rewritten with a fresh time
 * @param staleAfter a lock older than this is stale (it still blocks, but {@code unlock} removes it)
 */
public record LockSettings(Duration settleDelay, Duration refreshInterval, Duration staleAfter) {
    /** restic's values: 200 ms, 5 minutes, 30 minutes. */
    public static final LockSettings RESTIC =
            new LockSettings(Duration.ofMillis(200), Duration.ofMinutes(5), Duration.ofMinutes(30));

    public LockSettings {
        Objects.requireNonNull(settleDelay, "settleDelay");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (refreshInterval.compareTo(staleAfter) >= 0) {
            throw new IllegalArgumentException("locks must be refreshed (" + refreshInterval
                    + ") more often than they go stale (" + staleAfter + ")");
        }
    }

    /**
     * After this long without a successful refresh, others may consider the lock stale soon and remove it; newer
     * restic aborts then (30 min - 1.5 refresh intervals).
     */
    Duration maxTimeWithoutRefresh() {
        return staleAfter.minus(refreshInterval.multipliedBy(3).dividedBy(2));
    }
}
