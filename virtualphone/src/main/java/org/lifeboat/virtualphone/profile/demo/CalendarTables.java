package org.lifeboat.virtualphone.profile.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * CalendarProvider rows for two LOCAL calendars: calendars, events (recurring ones with rrule and duration, as
 * CalendarProvider2.validateEventData requires), reminders and attendees.
 */
final class CalendarTables {
    /** CalendarContract.Calendars.CAL_ACCESS_OWNER, Reminders.METHOD_ALERT, Attendees relationship/type values. */
    private static final int ACCESS_OWNER = 700;

    private static final int METHOD_ALERT = 1;
    private static final int RELATIONSHIP_ATTENDEE = 1;
    private static final int RELATIONSHIP_ORGANIZER = 2;

    private record Recurring(long calendarId, String title, String rrule, int hour, int minutes, boolean allDay) {}

    private static final List<Recurring> RECURRING = List.of(
            new Recurring(2, "Team standup", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", 9, 15, false),
            new Recurring(2, "Weekly 1:1", "FREQ=WEEKLY;BYDAY=TH", 14, 30, false),
            new Recurring(2, "Sprint review", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", 15, 60, false),
            new Recurring(1, "Rent", "FREQ=MONTHLY;BYMONTHDAY=1", 0, 0, true),
            new Recurring(1, "Yoga", "FREQ=WEEKLY;BYDAY=WE;COUNT=40", 18, 90, false),
            new Recurring(1, "Mum's birthday \uD83C\uDF82", "FREQ=YEARLY", 0, 0, true),
            new Recurring(1, "Wedding anniversary", "FREQ=YEARLY", 0, 0, true),
            new Recurring(1, "Book club", "FREQ=MONTHLY;BYDAY=2TU", 19, 120, false),
            new Recurring(1, "Take pills", "FREQ=DAILY;COUNT=30", 8, 5, false),
            new Recurring(2, "Quarterly planning", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5", 10, 180, false),
            new Recurring(1, "Bin day", "FREQ=WEEKLY;BYDAY=TU", 0, 0, true),
            new Recurring(1, "Piano lesson", "FREQ=WEEKLY;BYDAY=SA;COUNT=20", 11, 45, false),
            new Recurring(1, "Dentist check-up", "FREQ=MONTHLY;INTERVAL=6", 9, 60, false),
            new Recurring(1, "Football, 5-a-side", "FREQ=WEEKLY;BYDAY=SU", 17, 90, false),
            new Recurring(1, "Payday", "FREQ=MONTHLY;BYMONTHDAY=-1", 0, 0, true));
    private static final List<String> TITLES = List.of(
            "Dentist, Dr. Müller",
            "Budget = 1,000 €",
            "Sprint retro\nRoom 4.12",
            "\uD83C\uDF89 Party at Lena's",
            "Flight LH 2034",
            "Haircut",
            "Parents' evening",
            "Call with \"the bank\"",
            "Car service",
            "Concert",
            "Coffee with Ben",
            "Vet: vaccination",
            "Moving day \uD83D\uDCE6",
            "NULL",
            "Quarterly review",
            "Встреча с Ольгой",
            "歓迎会",
            "Tax deadline",
            "Interview",
            "Pick up parcel");
    private static final List<String> PLACES =
            List.of("", "Alexanderplatz 1, 10178 Berlin", "Office, room 3.01", "Zoom", "Café Einstein", "Home");

    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<Map<String, Object>> reminders = new ArrayList<>();
    private final List<Map<String, Object>> attendees = new ArrayList<>();
    private final List<Person> people;
    private final Timeline timeline;
    private final RandomGenerator random;

    private CalendarTables(List<Person> people, Timeline timeline, RandomGenerator random) {
        this.people = people;
        this.timeline = timeline;
        this.random = random;
    }

    static Map<String, List<Map<String, Object>>> of(
            int eventCount, List<Person> people, Timeline timeline, RandomGenerator random) {
        CalendarTables tables = new CalendarTables(people, timeline, random);
        for (Recurring recurring : RECURRING.subList(0, Math.min(RECURRING.size(), eventCount))) {
            tables.recurring(recurring);
        }
        while (tables.events.size() < eventCount) {
            tables.single();
        }
        Map<String, List<Map<String, Object>>> result = new LinkedHashMap<>();
        result.put("calendars", List.of(calendar(1, "Personal", 0xFF1E88E5), calendar(2, "Work", 0xFFE53935)));
        result.put("events", tables.events);
        result.put("reminders", tables.reminders);
        result.put("attendees", tables.attendees);
        return result;
    }

    private static Map<String, Object> calendar(long id, String name, int argb) {
        return Rows.row()
                .put("_id", id)
                .put("account_name", name)
                .put("account_type", "LOCAL")
                .put("name", name)
                .put("calendar_displayName", name)
                .put("calendar_color", argb)
                .put("calendar_access_level", ACCESS_OWNER)
                .put("ownerAccount", name)
                .put("visible", 1)
                .put("sync_events", 1)
                .put("calendar_timezone", Timeline.ZONE.getId())
                .put("isPrimary", id == 1 ? 1 : 0)
                .put("allowedReminders", "0,1,2")
                .put("allowedAvailability", "0,1")
                .put("allowedAttendeeTypes", "0,1,2")
                .put("deleted", 0)
                .build();
    }

    private void recurring(Recurring recurring) {
        LocalDate day =
                Timeline.local(timeline.at(random.nextDouble() * 0.3, random)).toLocalDate();
        Instant start = recurring.allDay
                ? day.atStartOfDay().toInstant(ZoneOffset.UTC)
                : day.atTime(recurring.hour, 0).atZone(Timeline.ZONE).toInstant();
        String duration = recurring.allDay ? "P1D" : "P" + recurring.minutes * 60 + "S";
        String exdate = recurring.title.equals("Team standup")
                ? start.plus(14, ChronoUnit.DAYS).toString().replace("-", "").replace(":", "")
                : null;
        add(recurring.calendarId, recurring.title, start, null, duration, recurring.allDay, recurring.rrule, exdate);
    }

    private void single() {
        boolean allDay = random.nextInt(10) == 0;
        Instant when = random.nextInt(5) == 0
                ? timeline.now().plus(1 + random.nextInt(90), ChronoUnit.DAYS)
                : timeline.randomInstant(random);
        Instant start;
        Instant end;
        if (allDay) {
            start = Timeline.local(when).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
            end = start.plus(1 + (random.nextInt(4) == 0 ? 4 : 0), ChronoUnit.DAYS);
        } else {
            start = Timeline.local(when)
                    .truncatedTo(ChronoUnit.HOURS)
                    .withHour(8 + random.nextInt(12))
                    .atZone(Timeline.ZONE)
                    .toInstant();
            end = start.plus(Duration.ofMinutes(30L * (1 + random.nextInt(6))));
        }
        String title = TITLES.get(random.nextInt(TITLES.size()));
        add(random.nextInt(3) == 0 ? 2 : 1, title, start, end, null, allDay, null, null);
    }

    private void add(
            long calendarId,
            String title,
            Instant start,
            Instant end,
            String duration,
            boolean allDay,
            String rrule,
            String exdate) {
        long id = events.size() + 1;
        boolean withReminders = random.nextInt(10) < 6;
        boolean withAttendees = calendarId == 2 && !allDay && random.nextInt(3) == 0;
        String owner = calendarId == 1 ? "Personal" : "Work";
        events.add(Rows.row()
                .put("_id", id)
                .put("calendar_id", calendarId)
                .put("title", title)
                .put("description", random.nextInt(4) == 0 ? "Notes:\n- bring ID\n- a=b, c=d" : null)
                .put("eventLocation", PLACES.get(random.nextInt(PLACES.size())))
                .put("dtstart", start.toEpochMilli())
                .put("dtend", end == null ? null : end.toEpochMilli())
                .put("duration", duration)
                .put("allDay", allDay ? 1 : 0)
                .put("eventTimezone", allDay ? "UTC" : Timeline.ZONE.getId())
                .put("eventEndTimezone", null)
                .put("rrule", rrule)
                .put("rdate", null)
                .put("exrule", null)
                .put("exdate", exdate)
                .put("availability", allDay ? 1 : 0)
                .put("accessLevel", 0)
                .put("eventStatus", 1)
                .put("hasAlarm", withReminders ? 1 : 0)
                .put("hasAttendeeData", withAttendees ? 1 : 0)
                .put("organizer", owner)
                .put("uid2445", HexFormat.of().toHexDigits(random.nextLong()) + "@lifeboat.demo")
                .put("deleted", 0)
                .build());
        if (withReminders) {
            int[] minutes = {10, 15, 30, 60, 1440};
            for (int i = 0; i <= random.nextInt(2); i++) {
                reminders.add(Rows.row()
                        .put("_id", reminders.size() + 1)
                        .put("event_id", id)
                        .put("minutes", minutes[random.nextInt(minutes.length)] * (i + 1))
                        .put("method", METHOD_ALERT)
                        .build());
            }
        }
        if (withAttendees) {
            attendee(id, owner, owner, RELATIONSHIP_ORGANIZER, 1);
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                Person person = people.get(random.nextInt(people.size()));
                String email =
                        person.emails().isEmpty() ? null : person.emails().getFirst();
                attendee(id, person.displayName(), email, RELATIONSHIP_ATTENDEE, random.nextInt(5));
            }
        }
    }

    /** @param status Attendees.ATTENDEE_STATUS_* 0 none, 1 accepted, 2 declined, 3 invited, 4 tentative */
    private void attendee(long eventId, String name, String email, int relationship, int status) {
        attendees.add(Rows.row()
                .put("_id", attendees.size() + 1)
                .put("event_id", eventId)
                .put("attendeeName", name)
                .put("attendeeEmail", email)
                .put("attendeeRelationship", relationship)
                .put("attendeeType", relationship == RELATIONSHIP_ORGANIZER ? 1 : 1 + random.nextInt(2))
                .put("attendeeStatus", status)
                .build());
    }
}
