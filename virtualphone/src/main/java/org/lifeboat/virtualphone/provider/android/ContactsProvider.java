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
import org.lifeboat.virtualphone.provider.sql.Expression;
import org.lifeboat.virtualphone.provider.sql.QueryResult;
import org.lifeboat.virtualphone.provider.sql.Relation;
import org.lifeboat.virtualphone.provider.store.Table;

/**
 * {@code content://com.android.contacts} (alias {@code contacts}): ContactsProvider2's raw_contacts, data, groups
 * and the aggregated contacts view. Strict projection maps: only column names, no expressions.
 */
final class ContactsProvider extends TableProvider {
    static final String RAW_CONTACT_COLUMNS = "_id INTEGER PRIMARY KEY, contact_id INTEGER, account_name TEXT,"
            + " account_type TEXT, data_set TEXT, sourceid TEXT, version INTEGER DEFAULT 1,"
            + " dirty INTEGER DEFAULT 0, deleted INTEGER DEFAULT 0, starred INTEGER DEFAULT 0,"
            + " pinned INTEGER DEFAULT 0, times_contacted INTEGER DEFAULT 0, last_time_contacted INTEGER,"
            + " custom_ringtone TEXT, send_to_voicemail INTEGER DEFAULT 0, display_name TEXT,"
            + " display_name_alt TEXT, aggregation_mode INTEGER DEFAULT 0, sync1 TEXT, sync2 TEXT, sync3 TEXT,"
            + " sync4 TEXT";
    static final String DATA_COLUMNS = "_id INTEGER PRIMARY KEY, raw_contact_id INTEGER, mimetype TEXT,"
            + " is_primary INTEGER DEFAULT 0, is_super_primary INTEGER DEFAULT 0, data_version INTEGER DEFAULT 0,"
            + " data1 TEXT, data2 TEXT, data3 TEXT, data4 TEXT, data5 TEXT, data6 TEXT, data7 TEXT, data8 TEXT,"
            + " data9 TEXT, data10 TEXT, data11 TEXT, data12 TEXT, data13 TEXT, data14 TEXT, data15 BLOB,"
            + " data_sync1 TEXT, data_sync2 TEXT, data_sync3 TEXT, data_sync4 TEXT";
    static final String GROUP_COLUMNS = "_id INTEGER PRIMARY KEY, title TEXT, account_name TEXT, account_type TEXT,"
            + " sourceid TEXT, system_id TEXT, notes TEXT, deleted INTEGER DEFAULT 0, group_visible INTEGER DEFAULT 0,"
            + " should_sync INTEGER DEFAULT 1, auto_add INTEGER DEFAULT 0, favorites INTEGER DEFAULT 0";

    /** Columns view_data adds from the raw contact (ContactsDatabaseHelper.createContactsViews). */
    private static final List<String> JOINED = List.of("contact_id", "account_name", "account_type", "display_name");

    private static final Map<String, String> DATA_KINDS = Map.of(
            "phones", "vnd.android.cursor.item/phone_v2",
            "emails", "vnd.android.cursor.item/email_v2",
            "postals", "vnd.android.cursor.item/postal-address_v2");
    private static final String NAME_MIMETYPE = "vnd.android.cursor.item/name";

    private final Table rawContacts;
    private final Table data;
    private final Table groups;

    ContactsProvider(DeviceEnvironment environment, Path stateFile, Table rawContacts, Table data, Table groups) {
        super(environment, stateFile, List.of(rawContacts, data, groups));
        this.rawContacts = rawContacts;
        this.data = data;
        this.groups = groups;
    }

    @Override
    public void checkOpen(Caller caller) {
        // READ_CONTACTS/WRITE_CONTACTS are in the shell's manifest on every version (§3).
    }

    @Override
    public synchronized QueryResult query(
            Caller caller, ContentUri uri, List<String> projection, String selection, String sortOrder) {
        List<String> path = uri.path();
        String kind = path.isEmpty() ? "" : path.get(0);
        Expression byId = path.size() == 2 && isNumber(path.get(1)) ? equalTo("_id", id(uri, 1)) : null;
        Relation relation;
        Expression filter = byId;
        switch (kind) {
            case "raw_contacts" -> relation = rawContacts.relation();
            case "groups" -> relation = groups.relation();
            case "contacts" -> relation = contactsView();
            case "data" -> {
                relation = dataView();
                if (path.size() == 2 && DATA_KINDS.containsKey(path.get(1))) {
                    filter = equalTo("mimetype", DATA_KINDS.get(path.get(1)));
                }
            }
            default -> throw ProviderException.illegalArgument("Unknown URI " + uri);
        }
        return select(relation, projection, true, filter, selection, sortOrder);
    }

    /** view_data: data rows with their raw contact's aggregate id, account and display name. */
    private Relation dataView() {
        Relation raw = rawContacts.relation();
        Relation base = data.relation();
        List<Column> columns = new ArrayList<>(base.columns());
        for (String joined : JOINED) {
            columns.add(raw.columns().get(raw.indexOf(joined)));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : base.rows()) {
            Object[] widened = java.util.Arrays.copyOf(row, columns.size());
            int owner = row[base.indexOf("raw_contact_id")] instanceof Long id ? rawContacts.findById(id) : -1;
            for (int i = 0; i < JOINED.size(); i++) {
                widened[base.columns().size() + i] =
                        owner < 0 ? null : raw.rows().get(owner)[raw.indexOf(JOINED.get(i))];
            }
            rows.add(widened);
        }
        return new Relation("view_data", columns, rows);
    }

    /** One contact per aggregate; each raw contact is its own aggregate here (no automatic joining). */
    private Relation contactsView() {
        Relation raw = rawContacts.relation();
        Relation dataRows = data.relation();
        List<String> names = List.of(
                "_id",
                "display_name",
                "starred",
                "pinned",
                "times_contacted",
                "last_time_contacted",
                "custom_ringtone",
                "send_to_voicemail",
                "has_phone_number");
        List<Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(
                    name.equals("display_name") || name.equals("custom_ringtone")
                            ? new Column(name, org.lifeboat.virtualphone.provider.sql.Affinity.TEXT)
                            : new Column(name, org.lifeboat.virtualphone.provider.sql.Affinity.INTEGER));
        }
        Map<Long, Object[]> byContact = new LinkedHashMap<>();
        for (Object[] row : raw.rows()) {
            if (!(row[raw.indexOf("contact_id")] instanceof Long contactId)
                    || Long.valueOf(1).equals(row[raw.indexOf("deleted")])) {
                continue;
            }
            Object[] contact = byContact.computeIfAbsent(contactId, id -> new Object[names.size()]);
            contact[0] = contactId;
            for (int i = 1; i < names.size() - 1; i++) {
                if (contact[i] == null) {
                    contact[i] = row[raw.indexOf(names.get(i))];
                }
            }
            long phones = dataRows.rows().stream()
                    .filter(d -> row[raw.indexOf("_id")].equals(d[dataRows.indexOf("raw_contact_id")])
                            && DATA_KINDS.get("phones").equals(d[dataRows.indexOf("mimetype")]))
                    .count();
            contact[names.size() - 1] = phones > 0 || Long.valueOf(1).equals(contact[names.size() - 1]) ? 1L : 0L;
        }
        return new Relation("view_contacts", columns, new ArrayList<>(byContact.values()));
    }

    @Override
    public synchronized void insert(Caller caller, ContentUri uri, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>(values);
        switch (uri.path().isEmpty() ? "" : uri.path().get(0)) {
            case "raw_contacts" -> {
                row.putIfAbsent("contact_id", nextContactId());
                insertRow(rawContacts, row);
            }
            case "data" -> insertData(row);
            case "groups" -> insertRow(groups, row);
            case "contacts" -> throw ProviderException.unsupported("Aggregate contacts are created automatically");
            default -> throw ProviderException.illegalArgument("Unknown URI " + uri);
        }
    }

    /** ContactsProvider2.insertData: raw_contact_id and mimetype are required; a name row names the contact. */
    private void insertData(Map<String, Object> row) {
        if (!(row.get("raw_contact_id") instanceof Long rawContactId)) {
            throw ProviderException.illegalArgument("raw_contact_id is required");
        }
        if (row.get("mimetype") == null) {
            throw ProviderException.illegalArgument("mimetype is required");
        }
        int owner = rawContacts.findById(rawContactId);
        if (owner < 0) {
            throw ProviderException.illegalArgument("Raw contact " + rawContactId + " does not exist");
        }
        insertRow(data, row);
        if (NAME_MIMETYPE.equals(row.get("mimetype")) && row.get("data1") != null) {
            updateRows(rawContacts, equalTo("_id", rawContactId), null, Map.of("display_name", row.get("data1")));
        }
    }

    private long nextContactId() {
        long highest = 0;
        Relation raw = rawContacts.relation();
        for (Object[] row : raw.rows()) {
            if (row[raw.indexOf("contact_id")] instanceof Long id) {
                highest = Math.max(highest, id);
            }
        }
        return highest + 1;
    }

    @Override
    public synchronized int update(Caller caller, ContentUri uri, Map<String, Object> values, String selection) {
        return updateRows(table(uri), idFilter(uri), selection, values);
    }

    /**
     * A raw contact deleted by anyone but its sync adapter is only marked {@code deleted=1} so that the sync
     * adapter can propagate the deletion (ContactsProvider2.deleteRawContact).
     */
    @Override
    public synchronized int delete(Caller caller, ContentUri uri, String selection) {
        Table table = table(uri);
        if (table == rawContacts && !uri.flag("caller_is_syncadapter")) {
            return updateRows(rawContacts, idFilter(uri), selection, Map.of("deleted", 1L, "dirty", 1L));
        }
        return deleteRows(table, idFilter(uri), selection);
    }

    private Table table(ContentUri uri) {
        return switch (uri.path().isEmpty() ? "" : uri.path().get(0)) {
            case "raw_contacts" -> rawContacts;
            case "data" -> data;
            case "groups" -> groups;
            default -> throw ProviderException.illegalArgument("Unknown URI " + uri);
        };
    }

    private static Expression idFilter(ContentUri uri) {
        return uri.path().size() == 2 ? equalTo("_id", id(uri, 1)) : null;
    }
}
