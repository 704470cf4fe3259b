package org.lifeboat.virtualphone.provider.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code content://mms-sms/threadID}: one thread per set of recipients, shared by SMS and MMS, kept on restart. */
class ThreadIdTest {
    private static final String THREAD_ID = "content://mms-sms/threadID";

    @TempDir
    Path temp;

    @Test
    void aRecipientSetGetsOneThreadWhateverTheOrderAndSpelling() {
        PhoneFixture phone = PhoneFixture.tricky(temp, 34);

        String group = threadOf(phone, "?recipient=%2B15557777&recipient=%2B15558888");

        // The profile's messages use threads 1 and 2, so a new one is 3, and the same people find it again.
        assertThat(group).isEqualTo("Row: 0 _id=3\n");
        assertThat(threadOf(phone, "?recipient=%2B1%20555%208888&recipient=%2B15557777"))
                .isEqualTo(group);
        assertThat(threadOf(phone, "?recipient=%2B15557777&recipient=insert-address-token&recipient=%2B15558888"))
                .isEqualTo(group);
        assertThat(threadOf(phone, "?recipient=%2B15557777")).isEqualTo("Row: 0 _id=4\n");
    }

    @Test
    void smsAndMmsToTheSamePersonShareTheProfilesThreadAndNewOnes() {
        PhoneFixture phone = PhoneFixture.tricky(temp, 34);
        phone.appops("set", "com.android.shell", "WRITE_SMS", "allow");

        assertThat(threadOf(phone, "?recipient=%2B15559999")).isEqualTo("Row: 0 _id=2\n");
        String newThread = threadOf(phone, "?recipient=Bob%40Example.org");
        phone.content("insert", "--uri", "content://sms", "--bind", "address:s:bob@example.org", "--bind", "type:i:1");
        phone.content("insert", "--uri", "content://sms", "--bind", "address:s:+1 555-1234", "--bind", "type:i:1");

        assertThat(phone.content(
                                "query",
                                "--uri",
                                "content://sms",
                                "--projection",
                                "address:thread_id",
                                "--where",
                                "_id > 8",
                                "--sort",
                                "_id")
                        .stdout())
                .isEqualTo("Row: 0 address=bob@example.org, thread_id=3\nRow: 1 address=+1 555-1234, thread_id=1\n");
        assertThat(newThread).isEqualTo("Row: 0 _id=3\n");
        PhoneFixture restarted = new PhoneFixture(temp.resolve("profile"), temp.resolve("state"), 34);
        assertThat(threadOf(restarted, "?recipient=bob%40example.org")).isEqualTo("Row: 0 _id=3\n");
    }

    @Test
    void noRecipientsGiveNoThreadAndThereIsNoOtherWayIn() {
        PhoneFixture phone = PhoneFixture.tricky(temp, 34);

        assertThat(threadOf(phone, "")).isEqualTo("No result found.\n");
        assertThat(phone.content("insert", "--uri", THREAD_ID, "--bind", "recipient_ids:s:1")
                        .stderr())
                .contains("java.lang.UnsupportedOperationException: MmsSmsProvider does not support deletes,"
                        + " inserts, or updates for this URI.content://mms-sms/threadID");
    }

    private static String threadOf(PhoneFixture phone, String query) {
        return phone.content("query", "--uri", THREAD_ID + query, "--projection", "_id")
                .stdout();
    }
}
