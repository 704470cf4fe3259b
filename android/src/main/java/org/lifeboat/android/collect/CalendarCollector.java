package org.lifeboat.android.collect;

import static org.lifeboat.android.collect.TableReader.concat;
import static org.lifeboat.android.collect.TableReader.integers;
import static org.lifeboat.android.collect.TableReader.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.ical.CalendarTables;
import org.lifeboat.android.format.ical.ICalendarWriter;

/**
 * Calendars as {@code calendar/<calendar name>.ics} (iCalendar, one file per calendar) and
 * {@code calendar/calendar.json}. CalendarProvider2 has projection maps, so free text is read column by column.
 */
final class CalendarCollector implements Collector {
    private static final String AUTHORITY = "content://com.android.calendar/";

    @Override
    public DataType type() {
        return DataType.CALENDAR;
    }

    @Override
    public Collection collect(Phone phone) throws IOException {
        TableReader reader = new TableReader(phone);
        try {
            ProviderTable calendars = reader.read(
                    "calendars",
                    AUTHORITY + "calendars",
                    Optional.empty(),
                    concat(
                            integers("_id", "calendar_color", "calendar_access_level", "visible", "sync_events"),
                            tokens("account_name", "account_type", "ownerAccount", "calendar_timezone")),
                    List.of("name", "calendar_displayName"));
            ProviderTable events = reader.read(
                    "events",
                    AUTHORITY + "events",
                    Optional.of("deleted=0"),
                    concat(
                            integers("_id", "calendar_id", "dtstart", "dtend", "allDay", "original_id"),
                            integers("originalInstanceTime", "originalAllDay", "availability", "accessLevel"),
                            integers("eventStatus", "hasAlarm", "deleted", "eventColor"),
                            tokens("duration", "eventTimezone", "eventEndTimezone", "rrule", "rdate", "exrule"),
                            tokens("exdate", "original_sync_id", "organizer", "uid2445")),
                    List.of("title", "description", "eventLocation"));
            ProviderTable reminders = reader.read(
                    "reminders",
                    AUTHORITY + "reminders",
                    Optional.empty(),
                    integers("_id", "event_id", "minutes", "method"),
                    List.of());
            ProviderTable attendees = reader.read(
                    "attendees",
                    AUTHORITY + "attendees",
                    Optional.empty(),
                    concat(
                            integers("_id", "event_id", "attendeeRelationship", "attendeeType", "attendeeStatus"),
                            tokens("attendeeEmail")),
                    List.of("attendeeName"));
            return collection(phone, new CalendarTables(calendars, events, reminders, attendees));
        } catch (ContentCommandException e) {
            return Exports.notReadable(DataType.CALENDAR, "calendar", e);
        }
    }

    private Collection collection(Phone phone, CalendarTables tables) {
        ICalendarWriter writer = new ICalendarWriter();
        List<CollectedItem> items = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ProviderRow calendar : tables.calendars().rows()) {
            String name = Exports.safeFileName(calendar.text("calendar_displayName")
                    .or(() -> calendar.text("name"))
                    .orElse("calendar " + calendar.integer("_id").orElse(0)));
            String file = name + ".ics";
            for (int n = 2; !used.add(file.toLowerCase(Locale.ROOT)); n++) {
                file = name + " (" + n + ").ics";
            }
            items.add(new CollectedItem.Generated(
                    List.of("calendar", file), writer.write(calendar, tables).getBytes(StandardCharsets.UTF_8)));
        }
        items.add(new CollectedItem.Generated(
                List.of("calendar", "calendar.json"),
                Exports.dump(
                        phone.sdk(),
                        List.of(tables.calendars(), tables.events(), tables.reminders(), tables.attendees()))));
        long events = tables.events().size();
        return new Collection(
                DataType.CALENDAR,
                items,
                new TypeReport(DataType.CALENDAR, events, events, Exports.size(items), List.of()));
    }
}
