package org.lifeboat.android.format.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Clazz;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;
import org.lifeboat.android.content.ProviderRow;

/**
 * One Android calendar as an iCalendar (RFC 5545) file, built with ical4j (its bundled VTIMEZONE definitions are
 * written for every TZID used). Mapping per android-data.md §4.6: all-day events as {@code VALUE=DATE} (the provider
 * stores them at UTC midnight), others with their {@code eventTimezone}; RRULE/EXDATE; one VALARM per reminder;
 * ATTENDEE/ORGANIZER. Values ical4j cannot represent (an RRULE it rejects, EXDATE with a TZID prefix) are kept as
 * {@code X-ANDROID-*} properties rather than dropped; the JSON dump stays the lossless copy.
 */
public final class ICalendarWriter {

    static final String PRODUCT_ID = "-//Lifeboat//Android calendar export//EN";
    private static final Pattern UTC_DATE_TIMES = Pattern.compile("\\d{8}T\\d{6}Z(,\\d{8}T\\d{6}Z)*");
    private static final Pattern DATES = Pattern.compile("\\d{8}(,\\d{8})*");
    private static final int REMINDER_METHOD_ALERT = 1;
    private static final int RELATIONSHIP_ORGANIZER = 2;

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** The .ics text for the events of {@code calendar} (a {@code calendars} row) that are not deleted. */
    public String write(ProviderRow calendar, CalendarTables tables) {
        long calendarId = calendar.integer("_id")
                .orElseThrow(() -> new IllegalArgumentException("calendars row without _id: " + calendar));
        Calendar ics = new Calendar();
        ics.add(new ProdId(PRODUCT_ID));
        ics.add(new Version(new ParameterList(), Version.VALUE_2_0));
        calendar.text("calendar_displayName").ifPresent(name -> ics.add(new XProperty("X-WR-CALNAME", name)));
        Map<String, TimeZone> usedZones = new LinkedHashMap<>();
        for (ProviderRow event : tables.events().rows()) {
            if (event.integer("calendar_id").orElse(-1) == calendarId
                    && event.integer("deleted").orElse(0) == 0) {
                ics.add(toVEvent(event, tables, usedZones));
            }
        }
        usedZones.values().forEach(zone -> ics.add(zone.getVTimeZone()));
        return ics.toString();
    }

    /**
     * DTSTAMP is, without a METHOD, "the date and time that the information associated with the calendar component
     * was last revised in the calendar store" (RFC 5545 §3.8.7.2). CalendarContract keeps no such time, and the
     * export's own time would make every backup's .ics differ from the last one although no event changed. The
     * event's start is stable and valid, so an unchanged calendar exports to the same bytes and is stored once.
     */
    private static Instant revisionStamp(ProviderRow event) {
        return Instant.ofEpochMilli(event.integer("dtstart").orElse(0));
    }

    private VEvent toVEvent(ProviderRow event, CalendarTables tables, Map<String, TimeZone> usedZones) {
        long eventId = event.integer("_id").orElseThrow(() -> new IllegalArgumentException("event without _id"));
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(event.text("uid2445").orElse("android-event-" + eventId + "@lifeboat")));
        vevent.add(new DtStamp(revisionStamp(event)));
        boolean allDay = event.integer("allDay").orElse(0) != 0;
        String startZone = event.text("eventTimezone").orElse("UTC");
        event.integer("dtstart").ifPresent(ms -> vevent.add(new DtStart<>(time(ms, allDay, startZone, usedZones))));
        var dtend = event.integer("dtend");
        Optional<String> duration = event.text("duration").filter(d -> !d.isBlank());
        if (dtend.isPresent() && duration.isEmpty()) {
            String endZone = event.text("eventEndTimezone").orElse(startZone);
            vevent.add(new DtEnd<>(time(dtend.getAsLong(), allDay, endZone, usedZones)));
        }
        duration.ifPresent(d -> AndroidDuration.parse(d)
                .ifPresentOrElse(
                        amount -> vevent.add(new Duration(amount)),
                        () -> vevent.add(new XProperty("X-ANDROID-DURATION", d))));
        event.text("title").ifPresent(t -> vevent.add(new Summary(t)));
        event.text("description").filter(d -> !d.isEmpty()).ifPresent(d -> vevent.add(new Description(d)));
        event.text("eventLocation").filter(l -> !l.isEmpty()).ifPresent(l -> vevent.add(new Location(l)));
        event.text("rrule").filter(r -> !r.isBlank()).ifPresent(rule -> addRecurrence(vevent, rule));
        event.text("exdate").filter(x -> !x.isBlank()).ifPresent(exdate -> addExceptions(vevent, exdate));
        event.integer("eventStatus").ifPresent(s -> status(s).ifPresent(vevent::add));
        event.integer("availability")
                .ifPresent(a -> vevent.add(new Transp(a == 1 ? Transp.VALUE_TRANSPARENT : Transp.VALUE_OPAQUE)));
        event.integer("accessLevel").ifPresent(a -> accessClass(a).ifPresent(vevent::add));
        event.text("organizer").filter(o -> o.contains("@")).ifPresent(o -> vevent.add(new Organizer("mailto:" + o)));
        for (ProviderRow attendee : rowsOf(tables.attendees().rows(), eventId)) {
            attendee(attendee).ifPresent(vevent::add);
        }
        for (ProviderRow reminder : rowsOf(tables.reminders().rows(), eventId)) {
            vevent.add(alarm(reminder, event.text("title").orElse("Reminder")));
        }
        return vevent;
    }

    private Temporal time(long epochMillis, boolean allDay, String zoneId, Map<String, TimeZone> usedZones) {
        Instant instant = Instant.ofEpochMilli(epochMillis);
        if (allDay) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        TimeZone zone = zoneId.equals("UTC") ? null : zones.getTimeZone(zoneId);
        if (zone == null) {
            return instant;
        }
        usedZones.put(zoneId, zone);
        return instant.atZone(ZoneId.of(zoneId));
    }

    private static void addRecurrence(VEvent vevent, String rule) {
        try {
            vevent.add(new RRule<>(rule));
        } catch (RuntimeException rejected) {
            vevent.add(new XProperty("X-ANDROID-RRULE", rule));
        }
    }

    private static void addExceptions(VEvent vevent, String exdate) {
        if (UTC_DATE_TIMES.matcher(exdate).matches()) {
            vevent.add(new ExDate<>(new ParameterList(), exdate));
        } else if (DATES.matcher(exdate).matches()) {
            vevent.add(new ExDate<>(new ParameterList(List.of(Value.DATE)), exdate));
        } else {
            vevent.add(new XProperty("X-ANDROID-EXDATE", exdate));
        }
    }

    private static Optional<Attendee> attendee(ProviderRow row) {
        Optional<String> email = row.text("attendeeEmail").filter(e -> !e.isEmpty());
        if (email.isEmpty() || row.integer("attendeeRelationship").orElse(0) == RELATIONSHIP_ORGANIZER) {
            return Optional.empty();
        }
        Attendee attendee = new Attendee("mailto:" + email.get());
        row.text("attendeeName").filter(n -> !n.isEmpty()).ifPresent(n -> attendee.add(new Cn(n)));
        switch ((int) row.integer("attendeeType").orElse(0)) {
            case 1 -> attendee.add(Role.REQ_PARTICIPANT);
            case 2 -> attendee.add(Role.OPT_PARTICIPANT);
            case 3 -> attendee.add(CuType.RESOURCE);
            default -> {}
        }
        switch ((int) row.integer("attendeeStatus").orElse(0)) {
            case 1 -> attendee.add(PartStat.ACCEPTED);
            case 2 -> attendee.add(PartStat.DECLINED);
            case 4 -> attendee.add(PartStat.TENTATIVE);
            default -> attendee.add(PartStat.NEEDS_ACTION);
        }
        return Optional.of(attendee);
    }

    private static VAlarm alarm(ProviderRow reminder, String title) {
        long minutes = reminder.integer("minutes").orElse(0);
        VAlarm alarm = new VAlarm(java.time.Duration.ofMinutes(-minutes));
        alarm.add(new Action(Action.VALUE_DISPLAY));
        alarm.add(new Description(title));
        long method = reminder.integer("method").orElse(REMINDER_METHOD_ALERT);
        if (method != REMINDER_METHOD_ALERT) {
            // Only DISPLAY is portable; keep Android's method (email, SMS, alarm) so a restore can bring it back.
            alarm.add(new XProperty("X-ANDROID-REMINDER-METHOD", Long.toString(method)));
        }
        return alarm;
    }

    private static Optional<Status> status(long eventStatus) {
        return switch ((int) eventStatus) {
            case 0 -> Optional.of(new Status(Status.VALUE_TENTATIVE));
            case 1 -> Optional.of(new Status(Status.VALUE_CONFIRMED));
            case 2 -> Optional.of(new Status(Status.VALUE_CANCELLED));
            default -> Optional.empty();
        };
    }

    private static Optional<Clazz> accessClass(long accessLevel) {
        return switch ((int) accessLevel) {
            case 1 -> Optional.of(new Clazz(Clazz.VALUE_CONFIDENTIAL));
            case 2 -> Optional.of(new Clazz(Clazz.VALUE_PRIVATE));
            case 3 -> Optional.of(new Clazz(Clazz.VALUE_PUBLIC));
            default -> Optional.empty();
        };
    }

    private static List<ProviderRow> rowsOf(List<ProviderRow> rows, long eventId) {
        return rows.stream()
                .filter(r -> r.integer("event_id").orElse(-1) == eventId)
                .toList();
    }
}
