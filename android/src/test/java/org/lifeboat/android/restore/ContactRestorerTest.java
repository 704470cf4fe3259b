package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.vcard.ContactTables;

class ContactRestorerTest {

    private static final String NAME = "vnd.android.cursor.item/name";
    private static final String PHONE = "vnd.android.cursor.item/phone_v2";
    private static final String EMAIL = "vnd.android.cursor.item/email_v2";
    private static final String MEMBER = "vnd.android.cursor.item/group_membership";

    private static final ContactTables BACKUP = new ContactTables(
            new ProviderTable(
                    "raw_contacts",
                    List.of(
                            ProviderRow.builder()
                                    .put("_id", 1)
                                    .put("display_name", "Ada Lovelace")
                                    .put("starred", 1)
                                    .build(),
                            ProviderRow.builder()
                                    .put("_id", 2)
                                    .put("display_name", "Bob Stone")
                                    .build())),
            new ProviderTable(
                    "data",
                    List.of(
                            data(1, NAME, "Ada Lovelace", "Ada"),
                            data(1, PHONE, "+44 20 1234", "2").with("data4", text("+44201234")),
                            data(1, MEMBER, "10", null),
                            data(2, NAME, "Bob Stone", "Bob"),
                            data(2, EMAIL, "bob@example.org", "1"))),
            new ProviderTable(
                    "groups",
                    List.of(ProviderRow.builder()
                            .put("_id", 10)
                            .put("title", "Family")
                            .build())));

    @Test
    void restoresOnlyTheMissingContactWithItsGroupAndNoDuplicateOnTheSecondRun() throws Exception {
        String before = """
                Row: 0 _id=50, raw_contact_id=5, mimetype=vnd.android.cursor.item/name
                Row: 1 _id=51, raw_contact_id=5, mimetype=vnd.android.cursor.item/email_v2
                """;
        String after = before + """
                Row: 2 _id=60, raw_contact_id=6, mimetype=vnd.android.cursor.item/name
                Row: 3 _id=61, raw_contact_id=6, mimetype=vnd.android.cursor.item/phone_v2
                Row: 4 _id=62, raw_contact_id=6, mimetype=vnd.android.cursor.item/group_membership
                """;
        String data1Before = "Row: 0 _id=50, data1=Bob Stone\nRow: 1 _id=51, data1=bob@example.org\n";
        String data2Before = "Row: 0 _id=50, data2=Bob\nRow: 1 _id=51, data2=1\n";
        ScriptedPhone phone = new ScriptedPhone(34)
                .answer("x:s:a:b", "[ERROR] Binding not well formed\n")
                .answer("sync1 IN", "Row: 0 _id=6, sync1=KEY\n")
                .answer(
                        "raw_contacts --projection _id:account_type:sync1",
                        "Row: 0 _id=5, account_type=NULL, sync1=NULL\n",
                        "Row: 0 _id=5, account_type=NULL, sync1=NULL\n",
                        "Row: 0 _id=5, account_type=NULL, sync1=NULL\nRow: 1 _id=6, account_type=NULL, sync1=KEY\n")
                .answer(
                        "groups --projection",
                        "No result found.\n",
                        "No result found.\n",
                        "No result found.\n",
                        "Row: 0 _id=3, account_type=NULL, title=Family\n")
                .answer("_id:raw_contact_id:mimetype", before, before, after);
        for (int i = 10; i <= 14; i++) {
            phone.answer("_id:data" + i, "No result found.\n");
        }
        phone.answer(
                "_id:data1",
                data1Before,
                data1Before,
                data1Before
                        + "Row: 2 _id=60, data1=Ada Lovelace\nRow: 3 _id=61, data1=+44 20 1234\nRow: 4 _id=62, data1=3\n");
        phone.answer(
                "_id:data2",
                data2Before,
                data2Before,
                data2Before + "Row: 2 _id=60, data2=Ada\nRow: 3 _id=61, data2=2\n");
        for (int i = 3; i <= 9; i++) {
            phone.answer("_id:data" + i, "No result found.\n");
        }
        ContactRestorer restorer = new ContactRestorer(phone);

        RestorePlan<ContactChange> plan = restorer.plan(restorer.inspect(BACKUP), BACKUP);
        assertThat(plan.alreadyPresent()).containsExactly("contact Bob Stone");
        assertThat(plan.changes()).extracting(ContactChange::label).containsExactly("contact Ada Lovelace");
        String key = plan.changes().getFirst().key();
        phone.answer("sync1 IN", "Row: 0 _id=6, sync1=" + key + "\n");
        phone.answer(
                "raw_contacts --projection _id:account_type:sync1",
                "Row: 0 _id=5, account_type=NULL, sync1=NULL\n",
                "Row: 0 _id=5, account_type=NULL, sync1=NULL\nRow: 1 _id=6, account_type=NULL, sync1=" + key + "\n");

        RestoreResult result = restorer.apply(plan, RestoreProgress.NONE);

        assertThat(result.failed()).isEmpty();
        assertThat(result.restored()).containsExactly("contact Ada Lovelace");
        assertThat(phone.commandsContaining("content insert"))
                .containsExactly(
                        "content insert --uri content://com.android.contacts/groups --bind title:s:Family"
                                + " --bind account_type:n: --bind account_name:n: --bind group_visible:l:1",
                        "content insert --uri content://com.android.contacts/raw_contacts --bind account_type:n:"
                                + " --bind account_name:n: --bind starred:l:1 --bind sync1:s:" + key,
                        "content insert --uri content://com.android.contacts/data --bind raw_contact_id:l:6"
                                + " --bind mimetype:s:vnd.android.cursor.item/name --bind 'data1:s:Ada Lovelace'"
                                + " --bind data2:s:Ada",
                        "content insert --uri content://com.android.contacts/data --bind raw_contact_id:l:6"
                                + " --bind mimetype:s:vnd.android.cursor.item/phone_v2 --bind 'data1:s:+44 20 1234'"
                                + " --bind data2:s:2 --bind data4:s:+44201234",
                        "content insert --uri content://com.android.contacts/data --bind raw_contact_id:l:6"
                                + " --bind mimetype:s:vnd.android.cursor.item/group_membership --bind data1:l:3");

        RestorePlan<ContactChange> again = restorer.plan(restorer.inspect(BACKUP), BACKUP);
        assertThat(again.changesNothing()).isTrue();
        assertThat(again.alreadyPresent()).hasSize(2);
    }

    @Test
    void fingerprintIgnoresWhatTheProviderDerivesAndTheNullText() {
        ProviderRow backedUp = data(1, PHONE, "+44 20 1234", "2").with("data4", text("+44201234"));
        ProviderRow readBack = data(9, PHONE, "+44 20 1234", "2").with("data5", text("NULL"));

        assertThat(ContactFingerprint.row(backedUp)).isEqualTo(ContactFingerprint.row(readBack));
        assertThat(ContactFingerprint.key(List.of("a", "b"))).isEqualTo(ContactFingerprint.key(List.of("b", "a")));
    }

    private static org.lifeboat.android.content.ProviderValue text(String value) {
        return org.lifeboat.android.content.ProviderValue.text(value);
    }

    private static ProviderRow data(long rawId, String mimetype, String data1, String data2) {
        return ProviderRow.builder()
                .put("raw_contact_id", rawId)
                .put("mimetype", mimetype)
                .put("data1", data1)
                .put("data2", data2)
                .build();
    }
}
