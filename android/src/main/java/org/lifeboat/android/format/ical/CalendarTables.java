package org.lifeboat.android.format.ical;

import org.lifeboat.android.content.ProviderTable;

/**
 * CalendarProvider rows: {@code calendars}, {@code events} (with {@code calendar_id}), {@code reminders} and
 * {@code attendees} (both with {@code event_id}).
 */
public record CalendarTables(
        ProviderTable calendars, ProviderTable events, ProviderTable reminders, ProviderTable attendees) {}
