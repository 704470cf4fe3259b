package org.lifeboat.repository.tree;

import java.time.DateTimeException;
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
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            pad(out.append('.'), nanos, digits);
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
        OffsetDateTime fast = parseCanonical(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: '" + text + "'", e);
        }
    }

    /**
     * The form {@link #format} and Go write, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)}, parsed by hand: every
     * node of every tree has three times, and the JDK's formatter made reading a parent snapshot's trees cost more
     * than the rest of a no-change backup. Null for anything else (the JDK's parser then decides and reports).
     */
    private static OffsetDateTime parseCanonical(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int position = 19;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int end = position + 1;
            while (end < length && end - position <= 9 && isDigit(text.charAt(end))) {
                end++;
            }
            int fractionDigits = end - position - 1;
            if (fractionDigits == 0) {
                return null;
            }
            nanos = digits(text, position + 1, end);
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
            position = end;
        }
        ZoneOffset offset = offset(text, position);
        if ((year | month | day | hour | minute | second | nanos) < 0 || offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String text, int position) {
        int remaining = text.length() - position;
        if (remaining == 1 && text.charAt(position) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = text.charAt(position);
        if (remaining != 6 || (sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return null;
        }
        int hours = digits(text, position + 1, position + 3);
        int minutes = digits(text, position + 4, position + 6);
        if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
            return null;
        }
        int seconds = (hours * 60 + minutes) * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    }

    /** The decimal value of {@code text[from..to)}, or -1 if any of it is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits);
    }
}
