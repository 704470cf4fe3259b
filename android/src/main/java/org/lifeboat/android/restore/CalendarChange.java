package org.lifeboat.android.restore;

import java.util.List;
import org.lifeboat.android.content.ProviderRow;

/**
 * One event to write, with its reminders and attendees, into the LOCAL calendar named {@code calendarName}
 * (created by the restore if the phone has none of that name).
 *
 * @param calendar the backup's calendars row the event belongs to
 */
public record CalendarChange(
        String calendarName,
        ProviderRow calendar,
        ProviderRow event,
        List<ProviderRow> reminders,
        List<ProviderRow> attendees,
        String key)
        implements PlannedItem {

    public CalendarChange {
        reminders = List.copyOf(reminders);
        attendees = List.copyOf(attendees);
    }

    @Override
    public String label() {
        return "event '" + event.text("title").orElse("") + "' at "
                + java.time.Instant.ofEpochMilli(event.integer("dtstart").orElse(0)) + " in " + calendarName;
    }
}
