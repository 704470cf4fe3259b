package org.lifeboat.virtualphone.provider.android;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.ContentUri;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.ProviderException;
import org.lifeboat.virtualphone.provider.sql.Column;
import org.lifeboat.virtualphone.provider.sql.QueryResult;
import org.lifeboat.virtualphone.provider.sql.Relation;
import org.lifeboat.virtualphone.provider.store.Table;

/**
 * {@code content://com.android.calendar}: CalendarProvider2's calendars, events, reminders and attendees, with its
 * sync-adapter rules (verifyTransactionAllowed) and event validation (validateEventData).
 */
final class CalendarProvider extends TableProvider {
    static final String CALENDAR_COLUMNS = "_id INTEGER PRIMARY KEY, account_name TEXT, account_type TEXT,"
            + " _sync_id TEXT, dirty INTEGER, mutators TEXT, name TEXT, calendar_displayName TEXT,"
            + " calendar_color INTEGER, calendar_color_index TEXT, calendar_access_level INTEGER,"
            + " visible INTEGER NOT NULL DEFAULT 1, sync_events INTEGER NOT NULL DEFAULT 0, calendar_location TEXT,"
            + " calendar_timezone TEXT, ownerAccount TEXT, isPrimary INTEGER, canOrganizerRespond INTEGER DEFAULT 1,"
            + " canModifyTimeZone INTEGER DEFAULT 1, canPartiallyUpdate INTEGER DEFAULT 0,"
            + " maxReminders INTEGER DEFAULT 5, allowedReminders TEXT DEFAULT '0,1',"
            + " allowedAvailability TEXT DEFAULT '0,1', allowedAttendeeTypes TEXT DEFAULT '0,1,2',"
            + " deleted INTEGER NOT NULL DEFAULT 0, cal_sync1 TEXT, cal_sync2 TEXT, cal_sync3 TEXT, cal_sync4 TEXT,"
            + " cal_sync5 TEXT, cal_sync6 TEXT, cal_sync7 TEXT, cal_sync8 TEXT, cal_sync9 TEXT, cal_sync10 TEXT";
    static final String EVENT_COLUMNS = "_id INTEGER PRIMARY KEY, _sync_id TEXT, dirty INTEGER, mutators TEXT,"
            + " lastSynced INTEGER DEFAULT 0, calendar_id INTEGER, title TEXT, eventLocation TEXT, description TEXT,"
            + " eventColor INTEGER, eventColor_index TEXT, eventStatus INTEGER, selfAttendeeStatus INTEGER DEFAULT 0,"
            + " dtstart INTEGER, dtend INTEGER, eventTimezone TEXT, duration TEXT, allDay INTEGER DEFAULT 0,"
            + " accessLevel INTEGER DEFAULT 0, availability INTEGER DEFAULT 0, hasAlarm INTEGER DEFAULT 0,"
            + " hasExtendedProperties INTEGER DEFAULT 0, rrule TEXT, rdate TEXT, exrule TEXT, exdate TEXT,"
            + " original_id INTEGER, original_sync_id TEXT, originalInstanceTime INTEGER, originalAllDay INTEGER,"
            + " lastDate INTEGER, hasAttendeeData INTEGER DEFAULT 0, guestsCanModify INTEGER DEFAULT 0,"
            + " guestsCanInviteOthers INTEGER DEFAULT 1, guestsCanSeeGuests INTEGER DEFAULT 1, organizer TEXT,"
            + " isOrganizer INTEGER, deleted INTEGER DEFAULT 0, eventEndTimezone TEXT, customAppPackage TEXT,"
            + " customAppUri TEXT, uid2445 TEXT, sync_data1 TEXT, sync_data2 TEXT, sync_data3 TEXT,"
            + " sync_data4 TEXT, sync_data5 TEXT, sync_data6 TEXT, sync_data7 TEXT, sync_data8 TEXT,"
            + " sync_data9 TEXT, sync_data10 TEXT";
    static final String REMINDER_COLUMNS =
            "_id INTEGER PRIMARY KEY, event_id INTEGER, minutes INTEGER," + " method INTEGER NOT NULL DEFAULT 0";
    static final String ATTENDEE_COLUMNS = "_id INTEGER PRIMARY KEY, event_id INTEGER, attendeeName TEXT,"
            + " attendeeEmail TEXT, attendeeStatus INTEGER, attendeeRelationship INTEGER, attendeeType INTEGER,"
            + " attendeeIdentity TEXT, attendeeIdNamespace TEXT";

    /** CalendarContract.Calendars.SYNC_WRITABLE_COLUMNS. */
    private static final List<String> CALENDAR_SYNC_COLUMNS = List.of(
            "account_name",
            "account_type",
            "_sync_id",
            "dirty",
            "mutators",
            "ownerAccount",
            "maxReminders",
            "allowedReminders",
            "canModifyTimeZone",
            "canOrganizerRespond",
            "canPartiallyUpdate",
            "calendar_location",
            "calendar_timezone",
            "calendar_access_level",
            "deleted",
            "cal_sync1",
            "cal_sync2",
            "cal_sync3",
            "cal_sync4",
            "cal_sync5",
            "cal_sync6",
            "cal_sync7",
            "cal_sync8",
            "cal_sync9",
            "cal_sync10");
    /** CalendarContract.Events.SYNC_WRITABLE_COLUMNS. */
    private static final List<String> EVENT_SYNC_COLUMNS = List.of(
            "_sync_id",
            "dirty",
            "mutators",
            "sync_data1",
            "sync_data2",
            "sync_data3",
            "sync_data4",
            "sync_data5",
            "sync_data6",
            "sync_data7",
            "sync_data8",
            "sync_data9",
            "sync_data10");
    /** Calendar columns view_events joins onto each event. */
    private static final List<String> JOINED = List.of(
            "account_name",
            "account_type",
            "calendar_displayName",
            "calendar_color",
            "calendar_access_level",
            "ownerAccount",
            "calendar_timezone",
            "visible");

    private final Map<String, Table> tables = new LinkedHashMap<>();

    CalendarProvider(DeviceEnvironment environment, Path stateFile, List<Table> calendarTables) {
        super(environment, stateFile, calendarTables);
        for (Table table : calendarTables) {
            tables.put(table.name(), table);
        }
    }

    @Override
    public void checkOpen(Caller caller) {
        // READ_CALENDAR/WRITE_CALENDAR are granted to the shell on every version (§3).
    }

    @Override
    public synchronized QueryResult query(
            Caller caller, ContentUri uri, List<String> projection, String selection, String sortOrder) {
        Table table = table(uri);
        Relation relation = table.name().equals("events") ? eventsView() : table.relation();
        return select(relation, projection, true, idFilter(uri), selection, sortOrder);
    }

    private Relation eventsView() {
        Relation events = tables.get("events").relation();
        Table calendars = tables.get("calendars");
        Relation calendarRows = calendars.relation();
        List<Column> columns = new ArrayList<>(events.columns());
        JOINED.forEach(name -> columns.add(calendarRows.columns().get(calendarRows.indexOf(name))));
        List<Object[]> rows = new ArrayList<>();
        for (Object[] event : events.rows()) {
            Object[] row = java.util.Arrays.copyOf(event, columns.size());
            int owner = event[events.indexOf("calendar_id")] instanceof Long id ? calendars.findById(id) : -1;
            for (int i = 0; i < JOINED.size(); i++) {
                row[events.columns().size() + i] =
                        owner < 0 ? null : calendarRows.rows().get(owner)[calendarRows.indexOf(JOINED.get(i))];
            }
            rows.add(row);
        }
        return new Relation("view_events", columns, rows);
    }

    @Override
    public synchronized void insert(Caller caller, ContentUri uri, Map<String, Object> values) {
        Table table = table(uri);
        if (uri.path().size() != 1) {
            throw ProviderException.unsupported("Cannot insert into that URL: " + uri);
        }
        boolean syncAdapter = verifyTransactionAllowed(uri, table, values);
        Map<String, Object> row = new LinkedHashMap<>(values);
        switch (table.name()) {
            case "events" -> {
                validateEventData(row);
                if (!syncAdapter) {
                    row.put("dirty", 1L);
                    row.put("mutators", caller.packageName());
                }
            }
            case "reminders" -> requireEventId(row, "Reminders");
            case "attendees" -> requireEventId(row, "Attendees");
            default -> {}
        }
        insertRow(table, row);
        if (table.name().equals("reminders")) {
            // CalendarProvider2.insertInTransaction: a reminder sets the event's hasAlarm.
            updateRows(tables.get("events"), equalTo("_id", row.get("event_id")), null, Map.of("hasAlarm", 1L));
        }
    }

    /** @return whether the caller acts as a sync adapter */
    private static boolean verifyTransactionAllowed(ContentUri uri, Table table, Map<String, Object> values) {
        boolean syncAdapter = uri.flag("caller_is_syncadapter");
        if (syncAdapter) {
            String accountName = uri.query().get("account_name");
            String accountType = uri.query().get("account_type");
            if (accountName == null || accountName.isEmpty() || accountType == null || accountType.isEmpty()) {
                throw ProviderException.illegalArgument(
                        "Sync adapters must specify an account and account type: " + uri);
            }
            return true;
        }
        List<String> syncOnly =
                switch (table.name()) {
                    case "calendars" -> CALENDAR_SYNC_COLUMNS;
                    case "events" -> EVENT_SYNC_COLUMNS;
                    default -> List.of();
                };
        for (String column : syncOnly) {
            if (values.containsKey(column)) {
                throw ProviderException.illegalArgument("Only sync adapters may write to " + column);
            }
        }
        return false;
    }

    private static void validateEventData(Map<String, Object> values) {
        if (isEmpty(values.get("calendar_id"))) {
            throw ProviderException.illegalArgument("Event values must include a calendar_id");
        }
        if (isEmpty(values.get("eventTimezone"))) {
            throw ProviderException.illegalArgument("Event values must include an eventTimezone");
        }
        boolean hasDtend = values.get("dtend") != null;
        boolean hasDuration = !isEmpty(values.get("duration"));
        if (values.get("dtstart") == null) {
            throw ProviderException.illegalArgument("DTSTART cannot be empty.");
        }
        if (!hasDuration && !hasDtend) {
            throw ProviderException.illegalArgument("DTEND and DURATION cannot both be null for an event.");
        }
        if (hasDuration && hasDtend) {
            throw ProviderException.illegalArgument("Cannot have both DTEND and DURATION in an event");
        }
    }

    private static void requireEventId(Map<String, Object> values, String kind) {
        if (!values.containsKey("event_id")) {
            throw ProviderException.illegalArgument(kind + " values must contain an event_id");
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || value.toString().isEmpty();
    }

    @Override
    public synchronized int update(Caller caller, ContentUri uri, Map<String, Object> values, String selection) {
        Table table = table(uri);
        verifyTransactionAllowed(uri, table, values);
        return updateRows(table, idFilter(uri), selection, values);
    }

    @Override
    public synchronized int delete(Caller caller, ContentUri uri, String selection) {
        Table table = table(uri);
        verifyTransactionAllowed(uri, table, Map.of());
        return deleteRows(table, idFilter(uri), selection);
    }

    private Table table(ContentUri uri) {
        Table table = uri.path().isEmpty() ? null : tables.get(uri.path().get(0));
        if (table == null || uri.path().size() > 2) {
            throw ProviderException.illegalArgument("Unknown URL " + uri);
        }
        return table;
    }

    private static org.lifeboat.virtualphone.provider.sql.Expression idFilter(ContentUri uri) {
        return uri.path().size() == 2 ? equalTo("_id", id(uri, 1)) : null;
    }
}
