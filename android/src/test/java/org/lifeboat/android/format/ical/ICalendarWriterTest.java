package org.lifeboat.android.format.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;

class ICalendarWriterTest {

    private static final ICalendarWriter WRITER = new ICalendarWriter();

    private static final ProviderRow CALENDAR = ProviderRow.builder()
            .put("_id", 1)
            .put("calendar_displayName", "Family")
            .put("calendar_timezone", "Europe/Berlin")
            .build();

    private static final ProviderRow WEEKLY = ProviderRow.builder()
            .put("_id", 10)
            .put("calendar_id", 1)
            .put("title", "Choir; bring notes, \"music\"\nand 🎵")
            .put("eventLocation", "Hall 2")
            .put("dtstart", 1_700_000_000_000L)
            .put("duration", "P3600S")
            .put("allDay", 0)
            .put("eventTimezone", "Europe/Berlin")
            .put("rrule", "FREQ=WEEKLY;BYDAY=TU")
            .put("exdate", "20231121T221320Z")
            .put("eventStatus", 1)
            .put("availability", 0)
            .put("organizer", "ada@example.org")
            .build();

    private static final ProviderRow HOLIDAY = ProviderRow.builder()
            .put("_id", 11)
            .put("calendar_id", 1)
            .put("title", "Holiday")
            .put("dtstart", 1_704_067_200_000L)
            .put("dtend", 1_704_153_600_000L)
            .put("allDay", 1)
            .put("eventTimezone", "UTC")
            .put("uid2445", "holiday-2024@example.org")
            .build();

    private static final CalendarTables TABLES = new CalendarTables(
            new ProviderTable("calendars", List.of(CALENDAR)),
            new ProviderTable(
                    "events",
                    List.of(
                            WEEKLY,
                            HOLIDAY,
                            HOLIDAY.with("_id", ProviderValue.integer(12)).with("deleted", ProviderValue.integer(1)),
                            HOLIDAY.with("_id", ProviderValue.integer(13))
                                    .with("calendar_id", ProviderValue.integer(2)))),
            new ProviderTable(
                    "reminders",
                    List.of(
                            ProviderRow.builder()
                                    .put("event_id", 10)
                                    .put("minutes", 15)
                                    .put("method", 1)
                                    .build(),
                            ProviderRow.builder()
                                    .put("event_id", 10)
                                    .put("minutes", 60)
                                    .put("method", 2)
                                    .build())),
            new ProviderTable(
                    "attendees",
                    List.of(
                            ProviderRow.builder()
                                    .put("event_id", 10)
                                    .put("attendeeName", "Bob")
                                    .put("attendeeEmail", "bob@example.org")
                                    .put("attendeeType", 1)
                                    .put("attendeeStatus", 1)
                                    .put("attendeeRelationship", 1)
                                    .build(),
                            ProviderRow.builder()
                                    .put("event_id", 10)
                                    .put("attendeeEmail", "ada@example.org")
                                    .put("attendeeRelationship", 2)
                                    .build())));

    @Test
    void writesEventsWithZonesAlarmsAndAttendees() {
        String ics = WRITER.write(CALENDAR, TABLES);

        assertThat(ics)
                .startsWith("BEGIN:VCALENDAR\r\nPRODID:-//Lifeboat//Android calendar export//EN\r\n"
                        + "VERSION:2.0\r\nX-WR-CALNAME:Family\r\n");
        assertThat(ics)
                .contains("BEGIN:VEVENT\r\n"
                        + "UID:android-event-10@lifeboat\r\n"
                        + "DTSTAMP:20231114T221320Z\r\n"
                        + "DTSTART;TZID=Europe/Berlin:20231114T231320\r\n"
                        + "DURATION:PT1H\r\n"
                        + "SUMMARY:Choir\\; bring notes\\, \"music\"\\nand 🎵\r\n"
                        + "LOCATION:Hall 2\r\n"
                        + "RRULE:FREQ=WEEKLY;BYDAY=TU\r\n"
                        + "EXDATE:20231121T221320Z\r\n"
                        + "STATUS:CONFIRMED\r\n"
                        + "TRANSP:OPAQUE\r\n"
                        + "ORGANIZER:mailto:ada@example.org\r\n"
                        + "ATTENDEE;CN=Bob;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:bob@example.org\r\n"
                        + "BEGIN:VALARM\r\n"
                        + "TRIGGER:-PT15M\r\n"
                        + "ACTION:DISPLAY\r\n");
        assertThat(ics).contains("TRIGGER:-PT1H\r\nACTION:DISPLAY\r\n").contains("X-ANDROID-REMINDER-METHOD:2\r\n");
        assertThat(ics)
                .contains("BEGIN:VEVENT\r\n"
                        + "UID:holiday-2024@example.org\r\n"
                        + "DTSTAMP:20240101T000000Z\r\n"
                        + "DTSTART;VALUE=DATE:20240101\r\n"
                        + "DTEND;VALUE=DATE:20240102\r\n"
                        + "SUMMARY:Holiday\r\n"
                        + "END:VEVENT\r\n");
        assertThat(ics).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).doesNotContain("android-event-12").doesNotContain("android-event-13");
    }

    @Test
    void outputParsesBackWithTheSameEventData() throws Exception {
        Calendar parsed = new CalendarBuilder().build(new StringReader(WRITER.write(CALENDAR, TABLES)));

        List<VEvent> events = parsed.getComponents("VEVENT");
        assertThat(events).hasSize(2);
        VEvent weekly = events.getFirst();
        assertThat(weekly.getSummary().getValue()).isEqualTo("Choir; bring notes, \"music\"\nand 🎵");
        assertThat(Instant.from(weekly.getDateTimeStart().getDate()))
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(weekly.getAlarms()).hasSize(2);
    }

    @Test
    void androidDurationsIncludingTheMissingT() {
        assertThat(AndroidDuration.parse("P3600S")).contains(java.time.Duration.ofHours(1));
        assertThat(AndroidDuration.parse("PT1H30M")).contains(java.time.Duration.ofMinutes(90));
        assertThat(AndroidDuration.parse("P1D")).contains(java.time.Period.ofDays(1));
        assertThat(AndroidDuration.parse("P2W")).contains(java.time.Period.ofDays(14));
        assertThat(AndroidDuration.parse("-P15M")).contains(java.time.Duration.ofMinutes(-15));
        assertThat(AndroidDuration.parse("one hour")).isEmpty();
        assertThat(AndroidDuration.parse("P")).isEmpty();
    }
}
