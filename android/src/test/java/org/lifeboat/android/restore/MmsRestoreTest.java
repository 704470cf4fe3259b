package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.sbr.MessageTables;

class MmsRestoreTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, 0, 1, 2};

    private static final MessagesToRestore BACKUP = new MessagesToRestore(
            new MessageTables(
                    ProviderTable.empty("sms"),
                    new ProviderTable(
                            "mms",
                            List.of(ProviderRow.builder()
                                    .put("_id", 5)
                                    .put("thread_id", 3)
                                    .put("msg_box", 2)
                                    .put("date", 1_700_000_000L)
                                    .put("m_id", "m1")
                                    .put("m_type", 128)
                                    .put("sub_id", 1)
                                    .build())),
                    new ProviderTable(
                            "part",
                            List.of(
                                    part(20, "application/smil", "<smil/>"),
                                    part(21, "image/jpeg", null),
                                    part(22, "text/plain", "caption"))),
                    new ProviderTable("addr", List.of(addr(137, "+4900"), addr(151, "+4911"), addr(151, "+4922")))),
            partId -> partId == 21 ? Optional.of(new ProviderValue.Blob(JPEG)) : Optional.empty());

    @Test
    void writesPduIntoTheRecipientsThreadThenAddressesPartsAndAttachmentBytes() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(34)
                .answer("x:s:a:b", "[ERROR] Binding not well formed\n")
                .answer("appops get", "No operations.\n")
                .answer("threadID", "Row: 0 _id=9\n")
                .answer("--where 'msg_box=2 AND date=1700000000", "Row: 0 _id=42\n")
                .answer(
                        "content://mms/part --projection _id --where 'mid=42'",
                        "Row: 0 _id=100\nRow: 1 _id=101\nRow: 2 _id=102\n")
                .answer(
                        "_id:msg_box:date",
                        "No result found.\n",
                        "Row: 0 _id=42, msg_box=2, date=1700000000, hex(m_id)=6D31, m_id IS NULL=0, hex(sub)=,"
                                + " sub IS NULL=1\n")
                .answer("content://sms", "No result found.\n");
        MessageRestorer restorer = new MessageRestorer(phone);

        RestorePlan<MessageChange> plan = restorer.plan(restorer.inspect(BACKUP), BACKUP);
        RestoreResult result = restorer.apply(plan, RestoreProgress.NONE);

        assertThat(result.failed()).isEmpty();
        assertThat(result.restored()).containsExactly("MMS to +4911, +4922 at 2023-11-14T22:13:20Z (3 parts)");
        assertThat(phone.commandsContaining("threadID"))
                .containsExactly("content query --uri"
                        + " 'content://mms-sms/threadID?recipient=%2B4911&recipient=%2B4922' --projection _id");
        assertThat(phone.commandsContaining("content insert"))
                .containsExactly(
                        "content insert --uri content://mms --bind date:l:1700000000 --bind msg_box:l:2"
                                + " --bind m_id:s:m1 --bind m_type:l:128 --bind thread_id:l:9 --bind sub_id:l:-1",
                        "content insert --uri content://mms/42/addr --bind address:s:+4900 --bind type:l:137",
                        "content insert --uri content://mms/42/addr --bind address:s:+4911 --bind type:l:151",
                        "content insert --uri content://mms/42/addr --bind address:s:+4922 --bind type:l:151",
                        "content insert --uri content://mms/42/part --bind seq:l:0 --bind ct:s:application/smil"
                                + " --bind 'text:s:<smil/>'",
                        "content insert --uri content://mms/42/part --bind seq:l:0 --bind ct:s:image/jpeg --bind text:n:",
                        "content insert --uri content://mms/42/part --bind seq:l:0 --bind ct:s:text/plain"
                                + " --bind text:s:caption");
        assertThat(phone.pushed.get(DevicePath.of("/data/local/tmp/lifeboat-mms-part.bin")))
                .isEqualTo(JPEG);
        assertThat(phone.commands)
                .containsSubsequence(
                        "content write --uri content://mms/part/101 < /data/local/tmp/lifeboat-mms-part.bin",
                        "rm -f /data/local/tmp/lifeboat-mms-part.bin",
                        "appops set com.android.shell WRITE_SMS default");
    }

    @Test
    void attachmentsBeforeAndroid11AreReportedNotRestorable() throws Exception {
        ScriptedPhone phone = new ScriptedPhone(29).answer("--projection", "No result found.\n");
        MessageRestorer restorer = new MessageRestorer(phone);

        RestorePlan<MessageChange> plan = restorer.plan(restorer.inspect(BACKUP), BACKUP);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.notRestorable())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("content write").contains("API 29"));
    }

    private static ProviderRow part(long id, String type, String text) {
        return ProviderRow.builder()
                .put("_id", id)
                .put("mid", 5)
                .put("seq", 0)
                .put("ct", type)
                .put("text", text)
                .put("_data", text == null ? "/data/user_de/0/com.android.providers.telephony/app_parts/P" : null)
                .build();
    }

    private static ProviderRow addr(long type, String address) {
        return ProviderRow.builder()
                .put("msg_id", 5)
                .put("address", address)
                .put("type", type)
                .build();
    }
}
