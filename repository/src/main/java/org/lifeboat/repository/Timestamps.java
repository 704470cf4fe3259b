package org.lifeboat.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RFC 3339 timestamps with nanoseconds, as Go's {@code time.Time} marshals them in key, lock and snapshot files. */
public final class Timestamps {
    private Timestamps() {}

    /** UTC with a {@code Z}, fraction only as long as needed; Go parses it back exactly. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * Parses {@code 2026-11-22T01:48:42.232375017Z} or with an offset such as {@code +01:00} (restic writes local time).
     *
     * @throws IllegalArgumentException if the text is not RFC 3339
     */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: '" + text + "'", e);
        }
    }
}
