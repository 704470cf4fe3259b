package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;

/**
 * Reads the phone's contacts for a restore. ContactsProvider accepts no SQL expressions in projections, so free text
 * is read one column per query, each as the projection's last column (android-data.md §2.3).
 */
final class ContactsProviderReader {
    static final String RAW_CONTACTS = "content://com.android.contacts/raw_contacts";
    static final String DATA = "content://com.android.contacts/data";
    static final String GROUPS = "content://com.android.contacts/groups";
    /** Samsung's on-device account; AOSP and Pixel keep local contacts without an account. */
    static final String SAMSUNG_LOCAL = "vnd.sec.contact.phone";

    private static final String FINGERPRINT_SYNTAX = "[0-9a-f]{64}";

    private final PhoneShell shell;

    ContactsProviderReader(PhoneShell shell) {
        this.shell = shell;
    }

    ContactsOnPhone read() throws IOException, ContentCommandException {
        List<ProviderRow> raw = shell.query(ContentQuery.builder(RAW_CONTACTS)
                .columns(ColumnSpec.integer("_id"), ColumnSpec.token("account_type"), ColumnSpec.text("sync1"))
                .where("deleted=0")
                .build());
        List<ProviderRow> groups = groups();
        Map<Long, String> groupTitles = new HashMap<>();
        groups.forEach(g ->
                groupTitles.put(g.integer("_id").orElse(-1), g.text("title").orElse("")));
        Map<Long, List<String>> rowsByContact = new HashMap<>();
        for (ProviderRow data : data()) {
            long rawId = data.integer("raw_contact_id").orElse(-1);
            if (!ContactFingerprint.counts(data)) {
                continue;
            }
            String row = ContactFingerprint.GROUP_MEMBERSHIP.equals(
                            data.text("mimetype").orElse(""))
                    ? ContactFingerprint.membership(
                            groupTitles.getOrDefault(data.integer("data1").orElse(-1), ""))
                    : ContactFingerprint.row(data);
            rowsByContact.computeIfAbsent(rawId, id -> new ArrayList<>()).add(row);
        }
        Set<String> keys = new HashSet<>();
        Map<String, ContactsOnPhone.WrittenContact> own = new HashMap<>();
        boolean samsung = false;
        for (ProviderRow contact : raw) {
            long id = contact.integer("_id").orElse(-1);
            List<String> rows = rowsByContact.getOrDefault(id, List.of());
            keys.add(ContactFingerprint.key(rows));
            contact.text("sync1")
                    .filter(marker -> marker.matches(FINGERPRINT_SYNTAX))
                    .ifPresent(marker -> own.put(marker, new ContactsOnPhone.WrittenContact(id, Set.copyOf(rows))));
            samsung |= SAMSUNG_LOCAL.equals(contact.text("account_type").orElse(""));
        }
        return new ContactsOnPhone(keys, own, samsung ? Optional.of(SAMSUNG_LOCAL) : Optional.empty());
    }

    /** Groups that are not deleted: {@code _id}, {@code account_type}, {@code title}. */
    List<ProviderRow> groups() throws IOException, ContentCommandException {
        return shell.query(ContentQuery.builder(GROUPS)
                .columns(ColumnSpec.integer("_id"), ColumnSpec.token("account_type"), ColumnSpec.text("title"))
                .where("deleted=0")
                .build());
    }

    /** Every data row with its {@code data1…data14}, merged from one query per free-text column. */
    private List<ProviderRow> data() throws IOException, ContentCommandException {
        Map<Long, ProviderRow.Builder> rows = new LinkedHashMap<>();
        for (ProviderRow row : shell.query(ContentQuery.builder(DATA)
                .columns(ColumnSpec.integer("_id"), ColumnSpec.integer("raw_contact_id"), ColumnSpec.token("mimetype"))
                .build())) {
            rows.put(row.integer("_id").orElse(-1), row.toBuilder());
        }
        for (int i = 1; i <= ContactFingerprint.DATA_COLUMNS; i++) {
            String column = "data" + i;
            for (ProviderRow row : shell.query(ContentQuery.builder(DATA)
                    .columns(ColumnSpec.integer("_id"), ColumnSpec.text(column))
                    .build())) {
                ProviderRow.Builder merged = rows.get(row.integer("_id").orElse(-1));
                if (merged != null) {
                    merged.put(column, row.get(column));
                }
            }
        }
        return rows.values().stream().map(ProviderRow.Builder::build).toList();
    }
}
