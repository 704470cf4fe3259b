package org.lifeboat.android.format.vcard;

import java.util.List;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;

/** Hand-made ContactsProvider rows covering every data kind the vCard writer maps. */
final class ContactFixtures {

    private ContactFixtures() {}

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    static ContactTables contacts() {
        return new ContactTables(
                new ProviderTable(
                        "raw_contacts",
                        List.of(
                                ProviderRow.builder()
                                        .put("_id", 1)
                                        .put("display_name", "Ada Lovelace")
                                        .put("deleted", 0)
                                        .build(),
                                ProviderRow.builder()
                                        .put("_id", 2)
                                        .put("display_name", "山田 太郎")
                                        .put("deleted", 0)
                                        .build(),
                                ProviderRow.builder()
                                        .put("_id", 3)
                                        .put("display_name", "Gone")
                                        .put("deleted", 1)
                                        .build())),
                new ProviderTable(
                        "data",
                        List.of(
                                data(
                                        1,
                                        "name",
                                        "data1",
                                        "Ada Lovelace",
                                        "data2",
                                        "Ada",
                                        "data3",
                                        "Lovelace",
                                        "data4",
                                        "Lady",
                                        "data6",
                                        "Countess"),
                                data(1, "phone_v2", "data1", "+44 20 7946 0018", "data2", "2")
                                        .with("is_primary", ProviderValue.integer(1)),
                                data(1, "phone_v2", "data1", "020 7946 0999", "data2", "4"),
                                data(1, "phone_v2", "data1", "555", "data2", "0", "data3", "Lab"),
                                data(1, "email_v2", "data1", "ada@example.org", "data2", "2"),
                                data(
                                        1,
                                        "postal-address_v2",
                                        "data4",
                                        "12 St James's Square",
                                        "data7",
                                        "London",
                                        "data9",
                                        "SW1Y 4JH",
                                        "data10",
                                        "UK",
                                        "data2",
                                        "1"),
                                data(
                                        1,
                                        "organization",
                                        "data1",
                                        "Analytical Engines; Ltd",
                                        "data4",
                                        "Mathematician, first programmer",
                                        "data5",
                                        "R&D"),
                                data(1, "contact_event", "data1", "1815-12-10", "data2", "3"),
                                data(1, "note", "data1", "Notes: line 1\nline 2, with comma; semicolon \\ backslash"),
                                data(1, "nickname", "data1", "Enchantress of Numbers"),
                                data(1, "website", "data1", "https://example.org/ada"),
                                data(1, "im", "data1", "ada.l", "data5", "3"),
                                data(1, "group_membership", "data1", "7"),
                                data(1, "photo").with("data15", ProviderValue.blob(JPEG)),
                                data(1, "relation", "data1", "Lord Byron", "data2", "11"),
                                data(
                                        2, "name", "data1", "山田 太郎", "data2", "太郎", "data3", "山田", "data7", "タロウ",
                                        "data9", "ヤマダ"),
                                data(2, "phone_v2", "data1", "+81 3-1234-5678", "data2", "1"),
                                data(2, "contact_event", "data1", "--04-01", "data2", "3"),
                                data(2, "note", "data1", "絵文字 😀 and NULL"),
                                data(2, "group_membership", "data1", "7"),
                                data(3, "name", "data1", "Gone"))),
                new ProviderTable(
                        "groups",
                        List.of(ProviderRow.builder()
                                .put("_id", 7)
                                .put("title", "Family")
                                .build())));
    }

    private static ProviderRow data(long rawContactId, String kind, String... columnsAndValues) {
        ProviderRow.Builder row = ProviderRow.builder()
                .put("raw_contact_id", rawContactId)
                .put("mimetype", "vnd.android.cursor.item/" + kind);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row.build();
    }
}
