package org.lifeboat.android.collect;

import static org.lifeboat.android.collect.TableReader.concat;
import static org.lifeboat.android.collect.TableReader.integers;
import static org.lifeboat.android.collect.TableReader.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.vcard.ContactTables;
import org.lifeboat.android.format.vcard.ContactsVCardWriter;

/**
 * Contacts as {@code contacts/contacts.vcf} (vCard 3.0, what AOSP-derived Contacts apps import) and
 * {@code contacts/contacts.json} (every row). ContactsProvider2 is strict, so no SQL expressions: each free-text
 * {@code dataN} column is read on its own (android-data.md §4.1). Photos are BLOBs {@code content} cannot print.
 */
final class ContactsCollector implements Collector {
    private static final String AUTHORITY = "content://com.android.contacts/";
    private static final String PHOTO = "vnd.android.cursor.item/photo";

    @Override
    public DataType type() {
        return DataType.CONTACTS;
    }

    @Override
    public Collection collect(Phone phone) throws IOException {
        TableReader reader = new TableReader(phone);
        try {
            ProviderTable rawContacts = reader.read(
                    "raw_contacts",
                    AUTHORITY + "raw_contacts",
                    Optional.of("deleted=0"),
                    concat(
                            integers("_id", "contact_id", "deleted", "starred", "pinned", "send_to_voicemail"),
                            tokens("account_name", "account_type", "data_set", "sourceid", "custom_ringtone")),
                    List.of("display_name"));
            Set<Long> kept = rawContacts.rows().stream()
                    .map(row -> row.integer("_id").orElse(-1))
                    .collect(Collectors.toSet());
            List<String> dataTexts = new ArrayList<>();
            for (int i = 1; i <= 14; i++) {
                dataTexts.add("data" + i);
            }
            ProviderTable allData = reader.read(
                    "data",
                    AUTHORITY + "data",
                    Optional.empty(),
                    concat(
                            integers("_id", "raw_contact_id"),
                            tokens("mimetype"),
                            integers("is_primary", "is_super_primary")),
                    dataTexts);
            ProviderTable data = new ProviderTable(
                    "data",
                    allData.rows().stream()
                            .filter(row ->
                                    kept.contains(row.integer("raw_contact_id").orElse(-1)))
                            .toList());
            ProviderTable groups = reader.read(
                    "groups",
                    AUTHORITY + "groups",
                    Optional.of("deleted=0"),
                    concat(
                            integers("_id", "deleted", "group_visible"),
                            tokens("account_name", "account_type", "sourceid", "system_id")),
                    List.of("title", "notes"));
            long photos = countPhotos(phone);
            return collection(phone, rawContacts, data, groups, photos);
        } catch (ContentCommandException e) {
            return Exports.notReadable(DataType.CONTACTS, "contacts", e);
        }
    }

    private static long countPhotos(Phone phone) throws IOException, ContentCommandException {
        ContentQuery query = ContentQuery.builder(AUTHORITY + "data")
                .column(ColumnSpec.integer("_id"))
                .where("mimetype='" + PHOTO + "' AND data15 IS NOT NULL")
                .build();
        return phone.query(query).size();
    }

    private static Collection collection(
            Phone phone, ProviderTable rawContacts, ProviderTable data, ProviderTable groups, long photos) {
        byte[] vcf = ContactsVCardWriter.write(new ContactTables(rawContacts, data, groups))
                .getBytes(StandardCharsets.UTF_8);
        byte[] json = Exports.dump(phone.sdk(), List.of(rawContacts, data, groups));
        List<CollectedItem> items = List.of(
                new CollectedItem.Generated(List.of("contacts", "contacts.vcf"), vcf),
                new CollectedItem.Generated(List.of("contacts", "contacts.json"), json));
        List<NotSaved> notSaved = new ArrayList<>();
        if (photos > 0) {
            notSaved.add(NotSaved.unreachable(
                    "contact photos",
                    OptionalLong.of(photos),
                    "photos are stored as BLOBs, which adb's content command cannot read",
                    "export the contacts from the Contacts app (Settings > Export) to keep their photos"));
        }
        long count = rawContacts.size();
        return new Collection(
                DataType.CONTACTS,
                items,
                new TypeReport(DataType.CONTACTS, count, count, Exports.size(items), notSaved));
    }
}
