package org.lifeboat.virtualphone.provider.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calendar sync-adapter rules, settings, Wi-Fi and persistence across a restart. */
class ProviderRulesTest {
    private static final String LOCAL_CALENDARS = "content://com.android.calendar/calendars"
            + "?caller_is_syncadapter=true&account_name=Restored&account_type=LOCAL";

    @TempDir
    Path temp;

    private PhoneFixture phone(int api) {
        return PhoneFixture.tricky(temp, api);
    }

    @Test
    void localCalendarIsCreatedThroughTheSyncAdapterUri() {
        PhoneFixture phone = phone(34);

        phone.content(
                "insert",
                "--uri",
                LOCAL_CALENDARS,
                "--bind",
                "account_name:s:Restored",
                "--bind",
                "account_type:s:LOCAL",
                "--bind",
                "name:s:Family",
                "--bind",
                "calendar_displayName:s:Family",
                "--bind",
                "calendar_access_level:i:700",
                "--bind",
                "ownerAccount:s:Restored");
        phone.content(
                "insert",
                "--uri",
                "content://com.android.calendar/events",
                "--bind",
                "calendar_id:l:1",
                "--bind",
                "title:s:Dentist, 2nd floor",
                "--bind",
                "dtstart:l:1700000000000",
                "--bind",
                "dtend:l:1700003600000",
                "--bind",
                "eventTimezone:s:Europe/Berlin");
        phone.content(
                "insert",
                "--uri",
                "content://com.android.calendar/reminders",
                "--bind",
                "event_id:l:1",
                "--bind",
                "minutes:i:15",
                "--bind",
                "method:i:1");

        assertThat(phone.content(
                                "query",
                                "--uri",
                                "content://com.android.calendar/events",
                                "--projection",
                                "_id:title:account_type:calendar_displayName:hasAlarm:dirty")
                        .stdout())
                .isEqualTo("Row: 0 _id=1, title=Dentist, 2nd floor, account_type=LOCAL,"
                        + " calendar_displayName=Family, hasAlarm=1, dirty=1\n");
    }

    @Test
    void onlySyncAdaptersMayWriteAccountColumns() {
        PhoneFixture phone = phone(34);

        var plain = phone.content(
                "insert",
                "--uri",
                "content://com.android.calendar/calendars",
                "--bind",
                "account_name:s:Restored",
                "--bind",
                "name:s:x");
        var noAccount = phone.content(
                "insert",
                "--uri",
                "content://com.android.calendar/calendars?caller_is_syncadapter=true",
                "--bind",
                "name:s:x");

        assertThat(plain.stderr())
                .contains("java.lang.IllegalArgumentException: Only sync adapters may write to account_name\n");
        assertThat(noAccount.stderr())
                .contains(
                        "java.lang.IllegalArgumentException: Sync adapters must specify an"
                                + " account and account type: content://com.android.calendar/calendars?caller_is_syncadapter=true\n");
        assertThat(phone.content("query", "--uri", "content://com.android.calendar/calendars")
                        .stdout())
                .isEqualTo("No result found.\n");
    }

    @Test
    void eventsAreValidatedLikeCalendarProvider2() {
        PhoneFixture phone = phone(34);

        var both = phone.content(
                "insert",
                "--uri",
                "content://com.android.calendar/events",
                "--bind",
                "calendar_id:l:1",
                "--bind",
                "eventTimezone:s:UTC",
                "--bind",
                "dtstart:l:1",
                "--bind",
                "dtend:l:2",
                "--bind",
                "duration:s:PT1H");

        assertThat(both.stderr()).contains("Cannot have both DTEND and DURATION in an event");
    }

    @Test
    void settingsCommandListsSortedAndWritesThrough() {
        PhoneFixture phone = phone(34);

        phone.settings("put", "system", "screen_brightness", "102");

        assertThat(phone.settings("list", "system").stdout())
                .isEqualTo("font_scale=1.0\nscreen_brightness=102\nscreen_off_timeout=60000\n");
        assertThat(phone.settings("get", "secure", "missing").stdout()).isEqualTo("null\n");
        assertThat(phone.settings("get", "bogus", "x").stderr()).isEqualTo("Invalid namespace 'bogus'\n");
        assertThat(phone.content(
                                "query",
                                "--uri",
                                "content://settings/system",
                                "--projection",
                                "name:value",
                                "--where",
                                "name='screen_brightness'")
                        .stdout())
                .isEqualTo("Row: 0 name=screen_brightness, value=102\n");
    }

    @Test
    void wifiNetworksUseTheNamesOfTheApiLevel() {
        assertThat(phone(34).wifi("list-networks").stdout())
                .isEqualTo("Network Id      SSID                         Security type\n"
                        + "0            Zuhause                          wpa2-psk\n"
                        + "2            Café, Gäste                      open\n");
        assertThat(new PhoneFixture(temp.resolve("profile"), temp.resolve("state29"), 29)
                        .wifi("list-networks")
                        .stderr())
                .isEqualTo("Unknown command: list-networks\n");
    }

    @Test
    void insertsSurviveARestartAndTheProfileIsReadOnlyOnce() {
        PhoneFixture first = phone(34);
        first.appops("set", "com.android.shell", "WRITE_SMS", "allow");
        first.content("insert", "--uri", "content://sms/sent", "--bind", "address:s:+1", "--bind", "body:s:kept");
        first.content("delete", "--uri", "content://sms", "--where", "_id=1");
        first.content("insert", "--uri", "content://com.android.contacts/raw_contacts", "--bind", "account_type:n:");

        PhoneFixture restarted = new PhoneFixture(temp.resolve("profile"), temp.resolve("state"), 34);

        assertThat(restarted
                        .content(
                                "query",
                                "--uri",
                                "content://sms",
                                "--projection",
                                "_id:type:body",
                                "--where",
                                "_id IN (1, 9)")
                        .stdout())
                .isEqualTo("Row: 0 _id=9, type=2, body=kept\n");
        assertThat(restarted
                        .content(
                                "query",
                                "--uri",
                                "content://com.android.contacts/raw_contacts",
                                "--projection",
                                "_id:contact_id:deleted",
                                "--sort",
                                "_id")
                        .stdout())
                .isEqualTo("Row: 0 _id=1, contact_id=1, deleted=0\nRow: 1 _id=2, contact_id=2, deleted=0\n");
        assertThat(restarted.appops("get", "com.android.shell", "WRITE_SMS").stdout())
                .isEqualTo("WRITE_SMS: allow\n");
    }

    @Test
    void shellDeletesOfRawContactsOnlyMarkThem() {
        PhoneFixture phone = phone(34);

        phone.content("delete", "--uri", "content://com.android.contacts/raw_contacts/1");

        assertThat(phone.content(
                                "query",
                                "--uri",
                                "content://com.android.contacts/raw_contacts",
                                "--projection",
                                "_id:deleted")
                        .stdout())
                .isEqualTo("Row: 0 _id=1, deleted=1\n");
        assertThat(phone.content("query", "--uri", "content://com.android.contacts/contacts")
                        .stdout())
                .isEqualTo("No result found.\n");
    }
}
