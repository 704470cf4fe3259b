package org.lifeboat.virtualphone.profile.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

/** The demo phone's "now" and its three years of history, in the phone's time zone. */
final class Timeline {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Duration HISTORY = Duration.ofDays(3 * 365);

    private final Instant now;

    Timeline(Instant now) {
        this.now = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    Instant now() {
        return now;
    }

    Instant start() {
        return now.minus(HISTORY);
    }

    /** A uniformly random instant in the history window, to the second. */
    Instant randomInstant(RandomGenerator random) {
        return start().plusSeconds(random.nextLong(HISTORY.toSeconds()));
    }

    /** Instant {@code fraction} (0..1) of the way through the history, plus up to an hour of jitter. */
    Instant at(double fraction, RandomGenerator random) {
        long seconds = (long) (HISTORY.toSeconds() * Math.min(1, Math.max(0, fraction)));
        return start().plusSeconds(Math.max(0, seconds - random.nextInt(3600)));
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }

    static ZoneOffset offset(Instant instant) {
        return ZONE.getRules().getOffset(instant);
    }
}
