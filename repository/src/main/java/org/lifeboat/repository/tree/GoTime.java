package org.lifeboat.repository.tree;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as Go's {@code time.RFC3339Nano}, the form restic writes into trees, snapshots and locks. */
public final class GoTime {
    /** Go's zero {@code time.Time}, which restic writes for a time it does not know. */
    public static final OffsetDateTime ZERO = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private GoTime() {}

    /** {@code 2006-01-02T15:04:05.999999999Z07:00}: trailing zeros of the fraction dropped, {@code Z} for UTC. */
    public static String format(OffsetDateTime time) {
        StringBuilder out = new StringBuilder(35);
        pad(out, time.getYear(), 4).append('-');
        pad(out, time.getMonthValue(), 2).append('-');
        pad(out, time.getDayOfMonth(), 2).append('T');
        pad(out, time.getHour(), 2).append(':');
        pad(out, time.getMinute(), 2).append(':');
        pad(out, time.getSecond(), 2);
        int nanos = time.getNano();
        if (nanos != 0) {
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
        int offsetSeconds = time.getOffset().getTotalSeconds();
        if (offsetSeconds == 0) {
            out.append('Z');
        } else {
            int minutes = Math.abs(offsetSeconds) / 60;
            out.append(offsetSeconds < 0 ? '-' : '+');
            pad(out, minutes / 60, 2).append(':');
            pad(out, minutes % 60, 2);
        }
        return out.toString();
    }

    /** Parses RFC 3339 with an optional fraction of up to nine digits. */
    public static OffsetDateTime parse(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: '" + text + "'", e);
        }
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
