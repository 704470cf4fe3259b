package org.lifeboat.android.format.ical;

import java.time.Duration;
import java.time.Period;
import java.time.temporal.TemporalAmount;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CalendarProvider's {@code duration} column, parsed like calendarcommon2 {@code Duration.parse}: RFC 2445 syntax that
 * also accepts a missing {@code T} (Android writes {@code P3600S}). Whole days stay nominal days, so an all-day event
 * spans a calendar day across a DST change.
 */
final class AndroidDuration {

    private static final Pattern SYNTAX =
            Pattern.compile("([+-])?P(?:(\\d+)W)?(?:(\\d+)D)?T?(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?");

    private AndroidDuration() {}

    static Optional<TemporalAmount> parse(String text) {
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches() || text.strip().equals("P")) {
            return Optional.empty();
        }
        long sign = "-".equals(m.group(1)) ? -1 : 1;
        long days = 7 * number(m, 2) + number(m, 3);
        long seconds = 3600 * number(m, 4) + 60 * number(m, 5) + number(m, 6);
        if (seconds == 0) {
            return Optional.of(Period.ofDays(Math.toIntExact(sign * days)));
        }
        return Optional.of(Duration.ofSeconds(sign * (days * 86_400 + seconds)));
    }

    private static long number(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }
}
