package org.lifeboat.android.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.ical.CalendarTables;

class CalendarRestorerTest {

    private static final ProviderRow MEETING = ProviderRow.builder()
            .put("_id", 10)
            .put("calendar_id", 1)
            .put("title", "Choir, weekly")
            .put("dtstart", 1_700_000_000_000L)
            .put("dtend", 1_700_003_600_000L)
            .put("duration", "P3600S")
            .put("rrule", "FREQ=WEEKLY;BYDAY=TU")
            .put("eventTimezone", "Europe/Berlin")
            .build();

    private static final CalendarTables BACKUP = new CalendarTables(
            new ProviderTable(
                    "calendars",
                    List.of(ProviderRow.builder()
                            .put("_id", 1)
                            .put("calendar_displayName", "Family & Friends")
                            .build())),
            new ProviderTable("events", List.of(MEETING)),
            new ProviderTable(
                    "reminders",
                    List.of(ProviderRow.builder()
                            .put("event_id", 10)
                            .put("minutes", 15)
                            .put("method", 1)
                            .build())),
            new ProviderTable(
                    "attendees",
                    List.of(ProviderRow.builder()
                            .put("event_id", 10)
                            .put("attendeeEmail", "bob@example.org")
                            .put("attendeeStatus", 1)
                            .build())));

    @Test
    void createsALocalCalendarAsSyncAdapterThenTheEventWithRemindersAndAttendees() throws Exception {
        String event = "Row: 0 _id=77, dtstart=1700000000000, title=Choir, weekly\n";
        ScriptedPhone phone = new ScriptedPhone(29)
                .answer("x:s:a:b", "usage: ...\n")
                .answer(
                        "calendars --projection",
                        "No result found.\n",
                        "No result found.\n",
                        "Row: 0 _id=4, calendar_displayName=Family & Friends\n")
                .answer("events --projection", event);
        CalendarRestorer restorer = new CalendarRestorer(phone);

        RestorePlan<CalendarChange> plan = restorer.plan(restorer.inspect(BACKUP), BACKUP);
        RestoreResult result = restorer.apply(plan, RestoreProgress.NONE);

        assertThat(result.failed()).isEmpty();
        assertThat(result.restored())
                .containsExactly("event 'Choir, weekly' at 2023-11-14T22:13:20Z in Family & Friends");
        assertThat(phone.commandsContaining("content insert"))
                .containsExactly(
                        "content insert --uri 'content://com.android.calendar/calendars?caller_is_syncadapter=true"
                                + "&account_name=Family%20%26%20Friends&account_type=LOCAL'"
                                + " --bind 'account_name:s:Family & Friends' --bind account_type:s:LOCAL"
                                + " --bind 'name:s:Family & Friends' --bind 'calendar_displayName:s:Family & Friends'"
                                + " --bind calendar_access_level:l:700 --bind 'ownerAccount:s:Family & Friends'"
                                + " --bind visible:l:1 --bind sync_events:l:1 --bind calendar_timezone:s:UTC",
                        "content insert --uri 'content://com.android.calendar/events?caller_is_syncadapter=true"
                                + "&account_name=Family%20%26%20Friends&account_type=LOCAL' --bind calendar_id:l:4"
                                + " --bind dtstart:l:1700000000000 --bind duration:s:P3600S"
                                + " --bind eventTimezone:s:Europe/Berlin --bind 'rrule:s:FREQ=WEEKLY;BYDAY=TU'"
                                + " --bind 'title:s:Choir, weekly'",
                        "content insert --uri content://com.android.calendar/reminders --bind event_id:l:77"
                                + " --bind minutes:l:15 --bind method:l:1",
                        "content insert --uri content://com.android.calendar/attendees --bind event_id:l:77"
                                + " --bind attendeeStatus:l:1 --bind attendeeEmail:s:bob@example.org");
        assertThat(restorer.plan(restorer.inspect(BACKUP), BACKUP).changesNothing())
                .isTrue();
    }

    @Test
    void anEventTitledWithTheTextNullIsFoundAgainWithItsReminders() throws Exception {
        ProviderRow titledNull = MEETING.toBuilder().put("title", "NULL").build();
        CalendarTables backup = new CalendarTables(
                BACKUP.calendars(),
                new ProviderTable("events", List.of(titledNull)),
                BACKUP.reminders(),
                new ProviderTable("attendees", List.of()));
        ScriptedPhone phone = new ScriptedPhone(29)
                .answer("x:s:a:b", "usage: ...\n")
                .answer("calendars --projection", "Row: 0 _id=4, calendar_displayName=Family & Friends\n")
                // content prints the text "NULL" like SQL NULL; only the IS NULL query tells them apart.
                .answer("title IS NULL", "No result found.\n")
                .answer(
                        "events --projection",
                        "No result found.\n",
                        "Row: 0 _id=77, dtstart=1700000000000, title=NULL\n");
        CalendarRestorer restorer = new CalendarRestorer(phone);

        RestoreResult result = restorer.apply(restorer.plan(restorer.inspect(backup), backup), RestoreProgress.NONE);

        assertThat(result.failed()).isEmpty();
        assertThat(result.restored()).hasSize(1);
        assertThat(phone.commandsContaining("content insert --uri content://com.android.calendar/reminders"))
                .containsExactly("content insert --uri content://com.android.calendar/reminders --bind event_id:l:77"
                        + " --bind minutes:l:15 --bind method:l:1");
        assertThat(restorer.plan(restorer.inspect(backup), backup).changesNothing())
                .isTrue();
    }
}
