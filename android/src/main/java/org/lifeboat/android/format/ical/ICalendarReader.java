package org.lifeboat.android.format.ical;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Trigger;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.MalformedExportException;

/**
 * Turns an iCalendar file (ours or another app's) back into CalendarProvider rows ready to insert, the inverse of
 * {@link ICalendarWriter}: one {@code calendars} row ({@code _id} 1, named by {@code X-WR-CALNAME}), one
 * {@code events} row per VEVENT with fresh ids, a {@code reminders} row per VALARM and an {@code attendees} row per
 * ATTENDEE (plus the ORGANIZER as relationship 2, as Android stores it). Times become epoch milliseconds: all-day
 * dates at UTC midnight with zone UTC, zoned times with their TZID as {@code eventTimezone}; durations are written
 * the way Android writes them ({@code P3600S}, {@code P1D}). The writer's {@code X-ANDROID-*} fallbacks are read back.
 */
public final class ICalendarReader {

    private static final String FORMAT = "iCalendar";
    private static final long CALENDAR_ID = 1;
    private static final String GENERATED_UID_SUFFIX = "@lifeboat";
    private static final int REMINDER_METHOD_ALERT = 1;
    private static final int RELATIONSHIP_ATTENDEE = 1;
    private static final int RELATIONSHIP_ORGANIZER = 2;

    private final List<ProviderRow> events = new ArrayList<>();
    private final List<ProviderRow> reminders = new ArrayList<>();
    private final List<ProviderRow> attendees = new ArrayList<>();

    private ICalendarReader() {}

    /**
     * @param ics the file's text
     * @param fallbackName the calendar's name when the file has no {@code X-WR-CALNAME}, e.g. the file name
     */
    public static CalendarTables read(String ics, String fallbackName) throws MalformedExportException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException e) {
            throw new MalformedExportException(FORMAT, "line " + e.getLineNo() + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new MalformedExportException(FORMAT, String.valueOf(e.getMessage()), e);
        }
        ICalendarReader reader = new ICalendarReader();
        List<VEvent> vevents = calendar.getComponents("VEVENT");
        for (VEvent vevent : vevents) {
            reader.add(vevent, reader.events.size() + 1L);
        }
        String name =
                calendar.getProperty("X-WR-CALNAME").map(Property::getValue).orElse(fallbackName);
        ProviderRow calendarRow = ProviderRow.builder()
                .put("_id", CALENDAR_ID)
                .put("name", name)
                .put("calendar_displayName", name)
                .build();
        return new CalendarTables(
                new ProviderTable("calendars", List.of(calendarRow)),
                new ProviderTable("events", reader.events),
                new ProviderTable("reminders", reader.reminders),
                new ProviderTable("attendees", reader.attendees));
    }

    private void add(VEvent vevent, long eventId) throws MalformedExportException {
        ProviderRow.Builder event = ProviderRow.builder().put("_id", eventId).put("calendar_id", CALENDAR_ID);
        text(vevent, "SUMMARY").ifPresent(v -> event.put("title", v));
        DateProperty<?> start = vevent.<DateProperty<?>>getProperty("DTSTART")
                .orElseThrow(() -> new MalformedExportException(FORMAT, "event " + eventId + " has no DTSTART"));
        boolean allDay = start.getDate() instanceof LocalDate;
        String zone = zone(start);
        event.put("dtstart", epochMillis(start.getDate(), eventId));
        Optional<DateProperty<?>> end = vevent.getProperty("DTEND");
        if (end.isPresent()) {
            event.put("dtend", epochMillis(end.get().getDate(), eventId));
            String endZone = zone(end.get());
            if (!endZone.equals(zone)) {
                event.put("eventEndTimezone", endZone);
            }
        }
        vevent.<net.fortuna.ical4j.model.property.Duration>getProperty("DURATION")
                .ifPresent(d -> event.put("duration", androidDuration(d.getDuration())));
        text(vevent, "X-ANDROID-DURATION").ifPresent(d -> event.put("duration", d));
        event.put("allDay", allDay ? 1 : 0).put("eventTimezone", zone);
        text(vevent, "DESCRIPTION").ifPresent(v -> event.put("description", v));
        text(vevent, "LOCATION").ifPresent(v -> event.put("eventLocation", v));
        text(vevent, "RRULE").or(() -> text(vevent, "X-ANDROID-RRULE")).ifPresent(v -> event.put("rrule", v));
        text(vevent, "EXDATE").or(() -> text(vevent, "X-ANDROID-EXDATE")).ifPresent(v -> event.put("exdate", v));
        text(vevent, "STATUS").flatMap(ICalendarReader::eventStatus).ifPresent(v -> event.put("eventStatus", v));
        text(vevent, "TRANSP").ifPresent(v -> event.put("availability", v.equals("TRANSPARENT") ? 1 : 0));
        text(vevent, "CLASS").flatMap(ICalendarReader::accessLevel).ifPresent(v -> event.put("accessLevel", v));
        text(vevent, "UID")
                .filter(uid -> !uid.endsWith(GENERATED_UID_SUFFIX))
                .ifPresent(uid -> event.put("uid2445", uid));
        Optional<String> organizer = text(vevent, "ORGANIZER").map(ICalendarReader::withoutMailto);
        organizer.ifPresent(o -> {
            event.put("organizer", o);
            attendees.add(ProviderRow.builder()
                    .put("event_id", eventId)
                    .put("attendeeEmail", o)
                    .put("attendeeRelationship", RELATIONSHIP_ORGANIZER)
                    .build());
        });
        List<Property> invited = vevent.getProperties("ATTENDEE");
        invited.forEach(attendee -> attendees.add(attendee(attendee, eventId)));
        List<VAlarm> alarms = vevent.getAlarms();
        alarms.forEach(alarm -> reminder(alarm, eventId).ifPresent(reminders::add));
        event.put("hasAlarm", alarms.isEmpty() ? 0 : 1);
        events.add(event.build());
    }

    private static ProviderRow attendee(Property attendee, long eventId) {
        ProviderRow.Builder row = ProviderRow.builder()
                .put("event_id", eventId)
                .put("attendeeEmail", withoutMailto(attendee.getValue()))
                .put("attendeeRelationship", RELATIONSHIP_ATTENDEE);
        parameter(attendee, "CN").ifPresent(cn -> row.put("attendeeName", cn));
        int type =
                switch (parameter(attendee, "ROLE").orElse("")) {
                    case "REQ-PARTICIPANT" -> 1;
                    case "OPT-PARTICIPANT" -> 2;
                    default -> 0;
                };
        if (parameter(attendee, "CUTYPE").orElse("").equals("RESOURCE")) {
            type = 3;
        }
        int status =
                switch (parameter(attendee, "PARTSTAT").orElse("")) {
                    case "ACCEPTED" -> 1;
                    case "DECLINED" -> 2;
                    case "TENTATIVE" -> 4;
                    case "NEEDS-ACTION" -> 3;
                    default -> 0;
                };
        return row.put("attendeeType", type).put("attendeeStatus", status).build();
    }

    /** A VALARM relative to the start becomes "minutes before"; absolute triggers have no Android equivalent. */
    private static Optional<ProviderRow> reminder(VAlarm alarm, long eventId) {
        Optional<Trigger> trigger = alarm.getProperty("TRIGGER");
        if (trigger.isEmpty() || trigger.get().isAbsolute()) {
            return Optional.empty();
        }
        TemporalAmount offset = trigger.get().getDuration();
        long minutes = offset instanceof Period period
                ? -period.getDays() * 1440L
                : -Duration.from(offset).toMinutes();
        long method = alarm.getProperty("X-ANDROID-REMINDER-METHOD")
                .map(p -> Long.parseLong(((Property) p).getValue().strip()))
                .orElse((long) REMINDER_METHOD_ALERT);
        return Optional.of(ProviderRow.builder()
                .put("event_id", eventId)
                .put("minutes", minutes)
                .put("method", method)
                .build());
    }

    private static long epochMillis(Temporal time, long eventId) throws MalformedExportException {
        return switch (time) {
            case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            case Instant instant -> instant.toEpochMilli();
            case ZonedDateTime zoned -> zoned.toInstant().toEpochMilli();
            case OffsetDateTime offset -> offset.toInstant().toEpochMilli();
            // A floating time has no zone; Android needs one, and UTC is what the writer uses for "none".
            case LocalDateTime floating -> floating.toInstant(ZoneOffset.UTC).toEpochMilli();
            default ->
                throw new MalformedExportException(
                        FORMAT,
                        "event " + eventId + " has a time of type "
                                + time.getClass().getSimpleName());
        };
    }

    private static String zone(DateProperty<?> property) {
        if (property.getDate() instanceof ZonedDateTime zoned && !(zoned.getZone() instanceof ZoneOffset)) {
            return parameter(property, "TZID").orElse(zoned.getZone().getId());
        }
        return "UTC";
    }

    /** Android's own duration spelling: whole days as {@code P<n>D}, anything else in seconds. */
    static String androidDuration(TemporalAmount amount) {
        if (amount instanceof Period period) {
            return "P" + period.getDays() + "D";
        }
        return "P" + Duration.from(amount).toSeconds() + "S";
    }

    private static Optional<Integer> eventStatus(String status) {
        return switch (status) {
            case "TENTATIVE" -> Optional.of(0);
            case "CONFIRMED" -> Optional.of(1);
            case "CANCELLED" -> Optional.of(2);
            default -> Optional.empty();
        };
    }

    private static Optional<Integer> accessLevel(String clazz) {
        return switch (clazz) {
            case "CONFIDENTIAL" -> Optional.of(1);
            case "PRIVATE" -> Optional.of(2);
            case "PUBLIC" -> Optional.of(3);
            default -> Optional.empty();
        };
    }

    private static Optional<String> text(VEvent vevent, String name) {
        return vevent.getProperty(name).map(p -> ((Property) p).getValue()).filter(v -> !v.isEmpty());
    }

    private static Optional<String> parameter(Property property, String name) {
        return property.getParameter(name).map(p -> ((Parameter) p).getValue());
    }

    private static String withoutMailto(String address) {
        return address.regionMatches(true, 0, "mailto:", 0, 7) ? address.substring(7) : address;
    }
}
