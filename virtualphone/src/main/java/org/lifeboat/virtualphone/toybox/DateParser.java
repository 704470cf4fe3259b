package org.lifeboat.virtualphone.toybox;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * toybox's xparsedate (lib/xwrap.c, 0.8.x): {@code @SECONDS[.FRACTION]} (toybox 0.8.0, Android 10+), or one of its
 * strptime formats, then an optional {@code .SS} / {@code .FRACTION}; a trailing 'Z' means UTC, otherwise local
 * time. Fields a format leaves out come from "now" (the time of day from midnight).
 */
final class DateParser {
    /** Android 10 (API 29) shipped toybox 0.8.0, the first with @UNIXTIME. */
    private static final int EPOCH_SYNTAX_API = 29;

    private static final List<Pattern> FORMATS = List.of(
            Pattern.compile(
                    "(?<Y>\\d{1,4})-(?<m>\\d{1,2})-(?<d>\\d{1,2}) (?<H>\\d{1,2}):(?<M>\\d{1,2}):(?<S>\\d{1,2})"),
            Pattern.compile(
                    "(?<Y>\\d{1,4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})T(?<H>\\d{1,2}):(?<M>\\d{1,2}):(?<S>\\d{1,2})"),
            Pattern.compile("(?<H>\\d{1,2}):(?<M>\\d{1,2}):(?<S>\\d{1,2})"),
            Pattern.compile("(?<Y>\\d{1,4})-(?<m>\\d{1,2})-(?<d>\\d{1,2}) (?<H>\\d{1,2}):(?<M>\\d{1,2})"),
            Pattern.compile("(?<Y>\\d{1,4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})"),
            Pattern.compile("(?<H>\\d{1,2}):(?<M>\\d{1,2})"),
            Pattern.compile("(?<m>\\d{2})(?<d>\\d{2})(?<H>\\d{2})(?<M>\\d{2})"),
            Pattern.compile("(?<y>\\d{2})(?<m>\\d{2})(?<d>\\d{2})(?<H>\\d{2})(?<M>\\d{2})"),
            Pattern.compile("(?<C>\\d{2})(?<y>\\d{2})(?<m>\\d{2})(?<d>\\d{2})(?<H>\\d{2})(?<M>\\d{2})"));

    private DateParser() {}

    /** @throws IllegalArgumentException with the text toybox puts after "bad date " */
    static Instant parse(String text, Instant now, ZoneId zone, int apiLevel) {
        if (text.startsWith("@") && apiLevel >= EPOCH_SYNTAX_API) {
            Matcher epoch = Pattern.compile("@(-?\\d+)(?:\\.(\\d*))?").matcher(text);
            if (!epoch.matches()) {
                throw new IllegalArgumentException(text);
            }
            return Instant.ofEpochSecond(Long.parseLong(epoch.group(1)), nanos(epoch.group(2)));
        }
        String body = text;
        ZoneId effective = zone;
        if (!body.isEmpty() && Character.toUpperCase(body.charAt(body.length() - 1)) == 'Z') {
            body = body.substring(0, body.length() - 1);
            effective = ZoneOffset.UTC;
        }
        LocalDateTime today = LocalDateTime.ofInstant(now, effective);
        for (int i = 0; i < FORMATS.size(); i++) {
            Matcher m = FORMATS.get(i).matcher(body);
            if (!m.lookingAt()) {
                continue;
            }
            String rest = body.substring(m.end());
            int seconds = group(m, "S", 0);
            String fraction = null;
            if (rest.startsWith(".")) {
                rest = rest.substring(1);
                if (i > 2) {
                    Matcher ss = Pattern.compile("^\\d{1,2}").matcher(rest);
                    if (ss.find()) {
                        seconds = Integer.parseInt(ss.group());
                        rest = rest.substring(ss.end());
                    }
                }
                Matcher digits = Pattern.compile("^\\d*").matcher(rest);
                digits.find();
                fraction = digits.group();
                rest = rest.substring(digits.end());
            }
            if (!rest.isEmpty()) {
                continue;
            }
            try {
                LocalDate date = LocalDate.of(
                        year(m, today), group(m, "m", today.getMonthValue()), group(m, "d", today.getDayOfMonth()));
                LocalTime time = LocalTime.of(group(m, "H", 0), group(m, "M", 0), seconds == 60 ? 59 : seconds);
                return LocalDateTime.of(date, time)
                        .atZone(effective)
                        .toInstant()
                        .plusNanos(nanos(fraction));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(body);
            }
        }
        throw new IllegalArgumentException(body);
    }

    private static int year(Matcher m, LocalDateTime today) {
        if (hasGroup(m, "Y") && m.group("Y") != null) {
            return Integer.parseInt(m.group("Y"));
        }
        if (hasGroup(m, "y") && m.group("y") != null) {
            int yy = Integer.parseInt(m.group("y"));
            if (hasGroup(m, "C") && m.group("C") != null) {
                return Integer.parseInt(m.group("C")) * 100 + yy;
            }
            // strptime %y: 69-99 are 1969-1999, 00-68 are 2000-2068.
            return yy >= 69 ? 1900 + yy : 2000 + yy;
        }
        return today.getYear();
    }

    private static int group(Matcher m, String name, int fallback) {
        return hasGroup(m, name) && m.group(name) != null ? Integer.parseInt(m.group(name)) : fallback;
    }

    private static boolean hasGroup(Matcher m, String name) {
        return m.pattern().pattern().contains("<" + name + ">");
    }

    /** Up to nine fraction digits, right-padded: ".5" is 500000000 ns. */
    private static long nanos(String fraction) {
        if (fraction == null || fraction.isEmpty()) {
            return 0;
        }
        String nine = (fraction + "000000000").substring(0, 9);
        return Long.parseLong(nine);
    }
}
