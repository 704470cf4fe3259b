package org.lifeboat.android.restore;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.lifeboat.android.content.BindSyntax;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentInsert;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.ical.CalendarTables;

/**
 * Restores calendars as LOCAL calendars (android-data.md §4.6): CalendarProvider2 lets only a sync adapter set a
 * calendar's account, so calendars and events are inserted with {@code caller_is_syncadapter=true} and the LOCAL
 * account in the URI. An event is known by its calendar, start and title; one already there is left alone. An event
 * whose reminders or attendees fail is deleted again, so the next run writes it whole.
 */
public final class CalendarRestorer implements Restorer<CalendarsOnPhone, CalendarTables, CalendarChange> {
    static final String AUTHORITY = "content://com.android.calendar/";
    private static final String LOCAL = "LOCAL";
    private static final List<String> EVENT_COLUMNS = List.of(
            "dtstart",
            "dtend",
            "duration",
            "allDay",
            "eventTimezone",
            "eventEndTimezone",
            "rrule",
            "rdate",
            "exrule",
            "exdate",
            "availability",
            "accessLevel",
            "eventStatus",
            "hasAlarm",
            "organizer",
            "uid2445",
            "eventLocation",
            "description",
            "title");
    private static final List<String> REMINDER_COLUMNS = List.of("minutes", "method");
    private static final List<String> ATTENDEE_COLUMNS =
            List.of("attendeeRelationship", "attendeeType", "attendeeStatus", "attendeeEmail", "attendeeName");
    /** CalendarContract.Calendars.CAL_ACCESS_OWNER: the user may edit the restored calendar. */
    private static final int OWNER_ACCESS = 700;

    private final PhoneShell shell;

    public CalendarRestorer(TargetPhone phone) {
        this.shell = new PhoneShell(phone);
    }

    @Override
    public RestoreType type() {
        return RestoreType.CALENDAR;
    }

    @Override
    public CalendarsOnPhone inspect(CalendarTables desired) throws IOException {
        try {
            Map<String, Long> calendars = localCalendars();
            Set<String> keys = new HashSet<>();
            for (var calendar : calendars.entrySet()) {
                for (ProviderRow event : events(calendar.getValue())) {
                    keys.add(eventKey(calendar.getKey(), event));
                }
            }
            return new CalendarsOnPhone(calendars, keys);
        } catch (ContentCommandException e) {
            throw new PhoneDataUnreadableException("calendars", e);
        }
    }

    @Override
    public RestorePlan<CalendarChange> plan(CalendarsOnPhone current, CalendarTables desired) {
        Map<Long, ProviderRow> calendars = new HashMap<>();
        desired.calendars().rows().forEach(c -> calendars.put(c.integer("_id").orElse(-1), c));
        Set<String> seen = new HashSet<>(current.eventKeys());
        List<CalendarChange> changes = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<ItemFailure> impossible = new ArrayList<>();
        for (ProviderRow event : desired.events().rows()) {
            ProviderRow calendar = calendars.get(event.integer("calendar_id").orElse(-1));
            if (calendar == null || event.integer("deleted").orElse(0) != 0) {
                continue;
            }
            String name = calendarName(calendar);
            long id = event.integer("_id").orElse(-1);
            CalendarChange change = new CalendarChange(
                    name,
                    calendar,
                    event,
                    rowsOf(desired.reminders().rows(), id),
                    rowsOf(desired.attendees().rows(), id),
                    eventKey(name, event));
            if (event.integer("original_id").isPresent()
                    || event.text("original_sync_id").isPresent()) {
                impossible.add(new ItemFailure(
                        change.label(),
                        "a changed occurrence of a recurring event; only"
                                + " whole events are restored, so this occurrence appears as the series defines it"));
            } else if (!seen.add(change.key())) {
                present.add(change.label());
            } else {
                changes.add(change);
            }
        }
        return new RestorePlan<>(RestoreType.CALENDAR, changes, present, impossible);
    }

    @Override
    public RestoreResult apply(RestorePlan<CalendarChange> plan, RestoreProgress progress) throws IOException {
        List<ItemFailure> failed = new ArrayList<>(plan.notRestorable());
        if (plan.changesNothing()) {
            return new RestoreResult(RestoreType.CALENDAR, List.of(), plan.alreadyPresent(), failed, shell.count());
        }
        BindSyntax syntax = Probes.bindSyntax(shell);
        Map<String, String> problems = new HashMap<>();
        try {
            Map<String, Long> calendarIds = ensureCalendars(plan.changes(), syntax);
            int done = 0;
            for (CalendarChange change : plan.changes()) {
                Long calendarId = calendarIds.get(change.calendarName());
                if (calendarId == null) {
                    problems.put(change.key(), "the phone did not create calendar '" + change.calendarName() + "'");
                } else {
                    writeEvent(change, calendarId, syntax).ifPresent(error -> problems.put(change.key(), error));
                }
                progress.advanced(RestoreType.CALENDAR, ++done, plan.changes().size(), 0);
            }
        } catch (ContentCommandException | CommandRejectedException e) {
            plan.changes().forEach(c -> problems.putIfAbsent(c.key(), e.getMessage()));
        }
        Set<String> after = inspect(null).eventKeys();
        List<String> restored = new ArrayList<>();
        for (CalendarChange change : plan.changes()) {
            // Reminders and attendees are not part of the key, so an event with a recorded problem is not restored.
            if (after.contains(change.key()) && !problems.containsKey(change.key())) {
                restored.add(change.label());
            } else {
                failed.add(new ItemFailure(
                        change.label(), problems.getOrDefault(change.key(), "the phone did not store the event")));
            }
        }
        return new RestoreResult(RestoreType.CALENDAR, restored, plan.alreadyPresent(), failed, shell.count());
    }

    /** Same calendar, start and title: what a person would call the same event. */
    static String eventKey(String calendarName, ProviderRow event) {
        String title = event.text("title").orElse("");
        return calendarName.length() + ":" + calendarName + "|"
                + event.integer("dtstart").orElse(0) + "|" + title;
    }

    private Map<String, Long> ensureCalendars(List<CalendarChange> changes, BindSyntax syntax)
            throws IOException, ContentCommandException, CommandRejectedException {
        Map<String, Long> ids = new HashMap<>(localCalendars());
        Map<String, ProviderRow> missing = new HashMap<>();
        changes.stream()
                .filter(c -> !ids.containsKey(c.calendarName()))
                .forEach(c -> missing.putIfAbsent(c.calendarName(), c.calendar()));
        for (var entry : missing.entrySet()) {
            String name = entry.getKey();
            ProviderRow original = entry.getValue();
            ProviderRow.Builder values = ProviderRow.builder()
                    .put("account_name", name)
                    .put("account_type", LOCAL)
                    .put("name", original.text("name").orElse(name))
                    .put("calendar_displayName", name)
                    .put("calendar_access_level", OWNER_ACCESS)
                    .put("ownerAccount", name)
                    .put("visible", 1)
                    .put("sync_events", 1)
                    .put("calendar_timezone", original.text("calendar_timezone").orElse("UTC"));
            original.integer("calendar_color").ifPresent(color -> values.put("calendar_color", color));
            shell.runSilent(insert(syncAdapterUri("calendars", name), values.build(), syntax));
        }
        if (!missing.isEmpty()) {
            ids.putAll(localCalendars());
        }
        return ids;
    }

    private Optional<String> writeEvent(CalendarChange change, long calendarId, BindSyntax syntax)
            throws IOException, ContentCommandException {
        ProviderRow.Builder values = ProviderRow.builder().put("calendar_id", calendarId);
        ProviderRow event = change.event();
        boolean recurring = event.text("rrule").filter(r -> !r.isBlank()).isPresent();
        for (String column : EVENT_COLUMNS) {
            // CalendarProvider2.validateEventData wants exactly one of dtend and duration: duration for a series.
            boolean conflicting = recurring
                    ? column.equals("dtend")
                    : column.equals("duration") && event.integer("dtend").isPresent();
            if (event.has(column) && !conflicting && !(event.get(column) instanceof ProviderValue.Null)) {
                values.put(column, event.get(column));
            }
        }
        if (!event.has("eventTimezone") || event.text("eventTimezone").isEmpty()) {
            values.put("eventTimezone", "UTC");
        }
        try {
            shell.runSilent(insert(syncAdapterUri("events", change.calendarName()), values.build(), syntax));
        } catch (CommandRejectedException e) {
            return Optional.of(e.getMessage());
        }
        long eventId = events(calendarId).stream()
                .filter(row -> eventKey(change.calendarName(), row).equals(change.key()))
                .mapToLong(row -> row.integer("_id").orElse(-1))
                .max()
                .orElse(-1);
        if (eventId < 0) {
            return Optional.of("the phone accepted the event but did not store it");
        }
        List<List<String>> inserts = new ArrayList<>();
        for (ProviderRow reminder : change.reminders()) {
            inserts.add(insert(AUTHORITY + "reminders", child(eventId, reminder, REMINDER_COLUMNS), syntax));
        }
        for (ProviderRow attendee : change.attendees()) {
            inserts.add(insert(AUTHORITY + "attendees", child(eventId, attendee, ATTENDEE_COLUMNS), syntax));
        }
        Optional<String> error =
                shell.runSilentBatch(inserts).stream().flatMap(Optional::stream).findFirst();
        if (error.isPresent()) {
            shell.run(
                    List.of("content", "delete", "--uri", syncAdapterUri("events/" + eventId, change.calendarName())));
        }
        return error;
    }

    private Map<String, Long> localCalendars() throws IOException, ContentCommandException {
        Map<String, Long> ids = new HashMap<>();
        for (ProviderRow row : shell.queryExactText(ContentQuery.builder(AUTHORITY + "calendars")
                .columns(ColumnSpec.integer("_id"), ColumnSpec.text("calendar_displayName"))
                .where("account_type='" + LOCAL + "'")
                .build())) {
            row.text("calendar_displayName")
                    .ifPresent(name -> ids.putIfAbsent(name, row.integer("_id").orElse(-1)));
        }
        return ids;
    }

    private List<ProviderRow> events(long calendarId) throws IOException, ContentCommandException {
        // Exact titles: an event titled with the text "NULL" must be found again (android-data.md §2.3).
        return shell.queryExactText(ContentQuery.builder(AUTHORITY + "events")
                .columns(ColumnSpec.integer("_id"), ColumnSpec.integer("dtstart"), ColumnSpec.text("title"))
                .where("calendar_id=" + calendarId + " AND deleted=0")
                .build());
    }

    private static String calendarName(ProviderRow calendar) {
        return calendar.text("calendar_displayName")
                .or(() -> calendar.text("name"))
                .orElse("Calendar " + calendar.integer("_id").orElse(0));
    }

    private static String syncAdapterUri(String path, String accountName) {
        return AUTHORITY + path + "?caller_is_syncadapter=true&account_name="
                + URLEncoder.encode(accountName, StandardCharsets.UTF_8).replace("+", "%20") + "&account_type=" + LOCAL;
    }

    private static ProviderRow child(long eventId, ProviderRow row, List<String> columns) {
        ProviderRow.Builder values = ProviderRow.builder().put("event_id", eventId);
        columns.stream().filter(row::has).forEach(c -> values.put(c, row.get(c)));
        return values.build();
    }

    private static List<ProviderRow> rowsOf(List<ProviderRow> rows, long eventId) {
        return rows.stream()
                .filter(r -> r.integer("event_id").orElse(-1) == eventId)
                .toList();
    }

    private static List<String> insert(String uri, ProviderRow values, BindSyntax syntax) {
        return ContentInsert.of(uri, values, syntax, OptionalInt.empty()).arguments();
    }
}
