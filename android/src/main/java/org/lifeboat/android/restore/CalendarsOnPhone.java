package org.lifeboat.android.restore;

import java.util.Map;
import java.util.Set;

/**
 * The phone's LOCAL calendars and their events.
 *
 * @param calendarIds LOCAL calendar id by display name
 * @param eventKeys keys ({@link CalendarRestorer#eventKey}) of the events in those calendars that are not deleted
 */
public record CalendarsOnPhone(Map<String, Long> calendarIds, Set<String> eventKeys) {

    public CalendarsOnPhone {
        calendarIds = Map.copyOf(calendarIds);
        eventKeys = Set.copyOf(eventKeys);
    }
}
