package org.lifeboat.android.format.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.MalformedExportException;

class ICalendarReaderTest {

    private static final ICalendarWriter WRITER = new ICalendarWriter();

    private static final ProviderRow CALENDAR = ProviderRow.builder()
            .put("_id", 7)
            .put("calendar_displayName", "Family")
            .build();

    private static final ProviderRow WEEKLY = ProviderRow.builder()
            .put("_id", 1)
            .put("calendar_id", 7)
            .put("title", "Choir; bring notes, \"music\"\nand 🎵")
            .put("description", "Second floor")
            .put("eventLocation", "Hall 2")
            .put("dtstart", 1_700_000_000_000L)
            .put("duration", "P3600S")
            .put("allDay", 0)
            .put("eventTimezone", "Europe/Berlin")
            .put("rrule", "FREQ=WEEKLY;BYDAY=TU")
            .put("exdate", "20231121T221320Z")
            .put("eventStatus", 1)
            .put("availability", 1)
            .put("accessLevel", 2)
            .put("organizer", "ada@example.org")
            .put("uid2445", "choir@example.org")
            .build();

    private static final ProviderRow HOLIDAY = ProviderRow.builder()
            .put("_id", 2)
            .put("calendar_id", 7)
            .put("title", "Holiday")
            .put("dtstart", 1_704_067_200_000L)
            .put("dtend", 1_704_153_600_000L)
            .put("allDay", 1)
            .put("eventTimezone", "UTC")
            .build();

    private static final CalendarTables TABLES = new CalendarTables(
            new ProviderTable("calendars", List.of(CALENDAR)),
            new ProviderTable("events", List.of(WEEKLY, HOLIDAY)),
            new ProviderTable(
                    "reminders",
                    List.of(
                            ProviderRow.builder()
                                    .put("event_id", 1)
                                    .put("minutes", 15)
                                    .put("method", 1)
                                    .build(),
                            ProviderRow.builder()
                                    .put("event_id", 1)
                                    .put("minutes", 60)
                                    .put("method", 2)
                                    .build())),
            new ProviderTable(
                    "attendees",
                    List.of(ProviderRow.builder()
                            .put("event_id", 1)
                            .put("attendeeName", "Bob")
                            .put("attendeeEmail", "bob@example.org")
                            .put("attendeeType", 2)
                            .put("attendeeStatus", 4)
                            .put("attendeeRelationship", 1)
                            .build())));

    @Test
    void readsBackWhatTheWriterWrote() throws Exception {
        CalendarTables read = ICalendarReader.read(WRITER.write(CALENDAR, TABLES), "ignored");

        assertThat(read.calendars().rows().getFirst().text("calendar_displayName"))
                .contains("Family");
        List<ProviderRow> events = read.events().rows();
        assertThat(events).hasSize(2);
        ProviderRow weekly = events.getFirst();
        for (String column : List.of(
                "title",
                "description",
                "eventLocation",
                "dtstart",
                "duration",
                "allDay",
                "eventTimezone",
                "rrule",
                "exdate",
                "eventStatus",
                "availability",
                "accessLevel",
                "organizer",
                "uid2445")) {
            assertThat(weekly.text(column)).as(column).isEqualTo(WEEKLY.text(column));
        }
        ProviderRow holiday = events.get(1);
        for (String column : List.of("title", "dtstart", "dtend", "allDay", "eventTimezone")) {
            assertThat(holiday.text(column)).as(column).isEqualTo(HOLIDAY.text(column));
        }
        assertThat(holiday.has("uid2445")).isFalse();
        long weeklyId = weekly.integer("_id").getAsLong();
        assertThat(read.reminders().rows())
                .extracting(
                        r -> r.integer("event_id").getAsLong(),
                        r -> r.integer("minutes").getAsLong(),
                        r -> r.integer("method").getAsLong())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(weeklyId, 15L, 1L),
                        org.assertj.core.groups.Tuple.tuple(weeklyId, 60L, 2L));
        assertThat(read.attendees().rows())
                .extracting(r -> r.text("attendeeEmail").orElseThrow(), r -> r.integer("attendeeRelationship")
                        .getAsLong())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ada@example.org", 2L),
                        org.assertj.core.groups.Tuple.tuple("bob@example.org", 1L));
        ProviderRow bob = read.attendees().rows().get(1);
        assertThat(bob.text("attendeeName")).contains("Bob");
        assertThat(bob.integer("attendeeType")).hasValue(2);
        assertThat(bob.integer("attendeeStatus")).hasValue(4);
    }

    // Event ids 1 and 2 are what the reader hands out, so even the UID generated for an event without one matches.
    @Test
    void writingWhatWasReadGivesTheSameFile() throws Exception {
        String ics = WRITER.write(CALENDAR, TABLES);
        CalendarTables read = ICalendarReader.read(ics, "ignored");

        String again = WRITER.write(read.calendars().rows().getFirst(), read);

        assertThat(again).isEqualTo(ics);
    }

    @Test
    void anotherAppsFileWithoutACalendarNameUsesTheFallbackAndFloatingTimesAsUtc() throws Exception {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nBEGIN:VEVENT\r\nUID:x@other\r\n"
                + "DTSTAMP:20240101T000000Z\r\nDTSTART:20240105T090000\r\nDURATION:P1D\r\nSUMMARY:Trip\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";

        CalendarTables read = ICalendarReader.read(ics, "Imported");

        assertThat(read.calendars().rows().getFirst().text("calendar_displayName"))
                .contains("Imported");
        ProviderRow trip = read.events().rows().getFirst();
        assertThat(trip.integer("dtstart"))
                .hasValue(Instant.parse("2024-01-05T09:00:00Z").toEpochMilli());
        assertThat(trip.text("duration")).contains("P1D");
        assertThat(trip.text("eventTimezone")).contains("UTC");
        assertThat(trip.text("uid2445")).contains("x@other");
    }

    @Test
    void malformedInputSaysWhere() {
        assertThatThrownBy(() -> ICalendarReader.read("BEGIN:VCALENDAR\r\nBROKEN\r\n", "x"))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageStartingWith("iCalendar: ");
    }
}
