package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.sbr.MessageTables;
import org.lifeboat.android.format.sbr.PartDataSource;

class MessageRestorerTest {

    private static final ProviderRow INBOX = sms(1, 1, 1_700_000_000_000L, "+4915112345", "Hi there: ok");
    private static final ProviderRow SENT = sms(2, 2, 1_700_000_100_000L, "+4915112345", "it's 'quoted'\nline two");
    private static final ProviderRow KNOWN = sms(3, 1, 1_600_000_000_000L, "+331234", "already here");
    private static final ProviderRow DRAFT = sms(4, 3, 1_700_000_200_000L, "+331234", "draft");

    private static final MessagesToRestore BACKUP = new MessagesToRestore(
            new MessageTables(
                    new ProviderTable("sms", List.of(INBOX, SENT, KNOWN, DRAFT)),
                    ProviderTable.empty("mms"),
                    ProviderTable.empty("part"),
                    ProviderTable.empty("addr")),
            PartDataSource.NONE);

    @Test
    void restoresSmsWithAppOpAllowedThenPutBackAndVerifiesByQuery() throws Exception {
        ScriptedPhone phone = phoneWith(List.of(KNOWN), List.of(KNOWN, INBOX, SENT));
        MessageRestorer restorer = new MessageRestorer(phone);

        RestorePlan<MessageChange> plan = restorer.plan(restorer.inspect(BACKUP), BACKUP);
        assertThat(plan.changes()).hasSize(2);
        assertThat(plan.alreadyPresent()).containsExactly("SMS from +331234 at 2020-09-13T12:26:40Z");
        assertThat(plan.notRestorable()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("only inbox and sent"));

        RestoreResult result = restorer.apply(plan, RestoreProgress.NONE);

        assertThat(result.restored())
                .containsExactly(
                        "SMS from +4915112345 at 2023-11-14T22:13:20Z", "SMS to +4915112345 at 2023-11-14T22:15:00Z");
        assertThat(result.failed()).hasSize(1);
        List<String> appOps = phone.commandsContaining("appops");
        assertThat(appOps)
                .containsExactly(
                        "appops get com.android.shell WRITE_SMS",
                        "appops set com.android.shell WRITE_SMS allow",
                        "appops set com.android.shell WRITE_SMS ignore");
        List<String> inserts = phone.commandsContaining("content insert");
        assertThat(inserts).hasSize(2);
        assertThat(inserts.getFirst())
                .isEqualTo("content insert --uri content://sms --bind address:s:+4915112345"
                        + " --bind date:l:1700000000000 --bind type:l:1 --bind 'body:s:Hi there\\: ok'"
                        + " --bind sub_id:l:-1");
        assertThat(inserts.get(1)).contains("'body:s:it'\\''s '\\''quoted'\\''\nline two'");
        int allowAt = phone.commands.indexOf("appops set com.android.shell WRITE_SMS allow");
        assertThat(phone.commands.indexOf(inserts.getFirst())).isGreaterThan(allowAt);
        // Two inspections of two queries, the bind probe, appops get/allow/restore, and two inserts in one script.
        assertThat(result.commands()).isEqualTo(new CommandCount(4 + 1 + 3 + 1, 4 + 1 + 3 + 2));
    }

    @Test
    void secondRunFindsEverythingAndChangesNothing() throws Exception {
        ScriptedPhone phone = phoneWith(List.of(KNOWN, INBOX, SENT), List.of(KNOWN, INBOX, SENT));
        MessageRestorer restorer = new MessageRestorer(phone);

        RestorePlan<MessageChange> plan = restorer.plan(restorer.inspect(BACKUP), BACKUP);
        RestoreResult result = restorer.apply(plan, RestoreProgress.NONE);

        assertThat(plan.changesNothing()).isTrue();
        assertThat(result.changedNothing()).isTrue();
        assertThat(result.alreadyPresent()).hasSize(3);
        assertThat(phone.commandsContaining("appops")).isEmpty();
        assertThat(phone.commandsContaining("content insert")).isEmpty();
    }

    @Test
    void aMessageThePhoneSilentlyDropsIsReportedAsFailed() throws Exception {
        ScriptedPhone phone = phoneWith(List.of(KNOWN), List.of(KNOWN, INBOX));
        MessageRestorer restorer = new MessageRestorer(phone);

        RestoreResult result = restorer.apply(restorer.plan(restorer.inspect(BACKUP), BACKUP), RestoreProgress.NONE);

        assertThat(result.restored()).hasSize(1);
        assertThat(result.failed())
                .anySatisfy(f -> assertThat(f.reason()).contains("accepted the message but did not store it"));
    }

    private static ScriptedPhone phoneWith(List<ProviderRow> before, List<ProviderRow> after) {
        return new ScriptedPhone(34)
                .answer("--uri content://sms --projection", rows(before), rows(after))
                .answer("--uri content://mms --projection", "No result found.\n")
                .answer("appops get", "WRITE_SMS: ignore; time=+1h2m ago\n")
                .answer("x:s:a:b", "usage...\n[ERROR] Binding not well formed\n");
    }

    private static String rows(List<ProviderRow> rows) {
        if (rows.isEmpty()) {
            return "No result found.\n";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            ProviderRow row = rows.get(i);
            out.append("Row: ")
                    .append(i)
                    .append(" _id=")
                    .append(row.integer("_id").getAsLong())
                    .append(", type=")
                    .append(row.integer("type").getAsLong())
                    .append(", date=")
                    .append(row.integer("date").getAsLong())
                    .append(", hex(address)=")
                    .append(hex(row.text("address").orElseThrow()))
                    .append(", address IS NULL=0, hex(body)=")
                    .append(hex(row.text("body").orElseThrow()))
                    .append(", body IS NULL=0\n");
        }
        return out.toString();
    }

    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ProviderRow sms(long id, long type, long date, String address, String body) {
        return ProviderRow.builder()
                .put("_id", id)
                .put("thread_id", 7)
                .put("address", address)
                .put("date", date)
                .put("type", type)
                .put("sub_id", 2)
                .put("body", body)
                .build();
    }
}
