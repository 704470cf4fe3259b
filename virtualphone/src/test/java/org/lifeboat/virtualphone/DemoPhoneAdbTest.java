package org.lifeboat.virtualphone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.profile.Profile;
import org.lifeboat.virtualphone.profile.Profiles;
import org.lifeboat.virtualphone.transport.AdbTool;

/**
 * Debian's adb 29.0.6 against two phones made from the demo profile at once (API 34 and API 30): shared storage and
 * {@code content} output must be exactly what the profile says a real phone would give.
 */
@RequiresTool("adb")
class DemoPhoneAdbTest {
    @TempDir
    static Path temp;

    static Profile demo;
    static AdbTool adb;
    static VirtualPhone android14;
    static VirtualPhone android11;

    @BeforeAll
    static void start() throws Exception {
        demo = Profiles.resolve("demo", 1, temp.resolve("profiles"));
        adb = new AdbTool(Files.createDirectories(temp.resolve("home")));
        android14 = VirtualPhone.start(VirtualPhoneConfig.of(demo.root().toString(), temp.resolve("android14"))
                .withApiLevel(34));
        android11 = VirtualPhone.start(VirtualPhoneConfig.of(demo.root().toString(), temp.resolve("android11"))
                .withApiLevel(30));
        adb.connect(android14.port());
        adb.connect(android11.port());
    }

    @AfterAll
    static void stop() throws Exception {
        adb.close();
        android14.close();
        android11.close();
    }

    @Test
    void pullsDcimWithTheProfilesBytesAndMtimes() throws Exception {
        Path target = Files.createDirectories(temp.resolve("dcim"));

        AdbTool.Result pull = adb.run("-s", android14.serial(), "pull", "-a", "/sdcard/DCIM", target.toString());

        assertThat(pull.exitCode()).as(pull.toString()).isZero();
        PulledTrees.assertSame(demo.sdcard().resolve("DCIM"), target.resolve("DCIM"));
    }

    @Test
    void servesFourParallelPullsFromOnePhoneWhileAnotherPhoneServesTwo() throws Exception {
        record Pull(VirtualPhone phone, String folder) {}
        List<Pull> pulls = List.of(
                new Pull(android14, "DCIM/Camera"),
                new Pull(android14, "Pictures"),
                new Pull(android14, "Android/media"),
                new Pull(android14, "Recordings"),
                new Pull(android11, "Download"),
                new Pull(android11, "Documents"));
        ExecutorService pool = Executors.newFixedThreadPool(pulls.size());
        try {
            List<Future<AdbTool.Result>> results = new ArrayList<>();
            for (int i = 0; i < pulls.size(); i++) {
                Pull pull = pulls.get(i);
                Path target = temp.resolve("parallel" + i);
                Callable<AdbTool.Result> run = () ->
                        adb.run("-s", pull.phone.serial(), "pull", "-a", "/sdcard/" + pull.folder, target.toString());
                results.add(pool.submit(run));
            }
            for (int i = 0; i < pulls.size(); i++) {
                AdbTool.Result result = results.get(i).get();
                assertThat(result.exitCode()).as(result.toString()).isZero();
                PulledTrees.assertSame(demo.sdcard().resolve(pulls.get(i).folder), temp.resolve("parallel" + i));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void printsTheTrickySmsBodiesAsAospsFormatterWould() throws Exception {
        List<String> columns = List.of("_id", "thread_id", "address", "date", "type", "subject", "body");
        // The shell reads the sms_restricted view: inbox and sent only.
        List<JsonNode> expected = ContentRows.rows(
                demo.sms(),
                "sms",
                row -> row.path("thread_id").asLong() == 1
                        && (row.path("type").asInt() == 1 || row.path("type").asInt() == 2));
        assertThat(expected)
                .extracting(row ->
                        row.path("body").isNull() ? null : row.path("body").asText())
                .as("the demo's first conversation holds the bodies that break naive parsers")
                .contains("Hello, world", "a=b, c=d, body=e", "NULL", "", null)
                .anyMatch(body -> body != null && body.contains("\n"))
                .anyMatch(body -> body != null && body.codePoints().anyMatch(cp -> cp >= 0x1F300));

        AdbTool.Result query = adb.run(
                "-s",
                android14.serial(),
                "shell",
                "content query --uri content://sms --projection " + String.join(":", columns)
                        + " --where thread_id=1 --sort _id");

        assertThat(query.exitCode()).isZero();
        assertThat(query.stderr()).isEmpty();
        assertThat(query.stdout()).isEqualTo(ContentRows.format(expected, columns));
    }

    @Test
    void printsContactDataWithNotesNamesAndThePhotoBlobAsAospsFormatterWould() throws Exception {
        List<String> columns = List.of("_id", "raw_contact_id", "mimetype", "data1", "data2", "data15");
        List<JsonNode> expected = ContentRows.rows(demo.contacts(), "data", row -> true);
        assertThat(expected)
                .as("notes with newlines and '=', and one photo")
                .anyMatch(row -> row.path("data1").asText().contains("\n"))
                .anyMatch(row -> row.path("data1").asText().contains("="))
                .anyMatch(row -> row.path("data15").has("base64"));

        AdbTool.Result query = adb.run(
                "-s",
                android14.serial(),
                "shell",
                "content query --uri content://com.android.contacts/data --projection " + String.join(":", columns)
                        + " --sort _id");

        assertThat(query.exitCode()).isZero();
        assertThat(query.stderr()).isEmpty();
        assertThat(query.stdout()).isEqualTo(ContentRows.format(expected, columns));
    }

    @Test
    void printsCalendarsAndEventsAsAospsFormatterWould() throws Exception {
        List<String> calendarColumns =
                List.of("_id", "account_name", "account_type", "calendar_displayName", "calendar_color");
        List<String> eventColumns = List.of(
                "_id", "calendar_id", "title", "eventLocation", "dtstart", "dtend", "duration", "allDay", "rrule");
        List<JsonNode> events = ContentRows.rows(demo.calendar(), "events", row -> true);
        assertThat(events)
                .extracting(row -> row.path("title").asText())
                .as("titles with ', ', '=', newlines and the text NULL")
                .contains("Budget = 1,000 €", "Sprint retro\nRoom 4.12", "NULL");

        AdbTool.Result calendars = adb.run(
                "-s",
                android14.serial(),
                "shell",
                "content query --uri content://com.android.calendar/calendars --projection "
                        + String.join(":", calendarColumns) + " --sort _id");
        AdbTool.Result eventRows = adb.run(
                "-s",
                android14.serial(),
                "shell",
                "content query --uri content://com.android.calendar/events --projection "
                        + String.join(":", eventColumns) + " --sort _id");

        assertThat(calendars.stdout())
                .isEqualTo(ContentRows.format(
                        ContentRows.rows(demo.calendar(), "calendars", row -> true), calendarColumns));
        assertThat(eventRows.stdout()).isEqualTo(ContentRows.format(events, eventColumns));
    }

    @Test
    void deniesTheCallLogToTheShellOnAndroid11ButNotOnAndroid14() throws Exception {
        List<String> columns = List.of("_id", "number", "date", "duration", "type", "name");
        String query = "content query --uri content://call_log/calls --projection " + String.join(":", columns)
                + " --sort _id";

        AdbTool.Result android11Sdk = adb.run("-s", android11.serial(), "shell", "getprop ro.build.version.sdk");
        AdbTool.Result denied = adb.run("-s", android11.serial(), "shell", query);
        AdbTool.Result allowed = adb.run("-s", android14.serial(), "shell", query);

        assertThat(android11Sdk.stdout()).isEqualTo("30\n");
        // Content.java prints the failure and its stack trace to stderr and still exits 0.
        assertThat(denied.exitCode()).isZero();
        assertThat(denied.stdout()).isEmpty();
        assertThat(denied.stderr())
                .startsWith("Error while accessing provider:call_log\n")
                .contains("java.lang.SecurityException: Permission Denial: opening provider"
                        + " com.android.providers.contacts.CallLogProvider")
                .contains("uid=2000) requires android.permission.READ_CALL_LOG or"
                        + " android.permission.WRITE_CALL_LOG");
        assertThat(allowed.exitCode()).isZero();
        assertThat(allowed.stderr()).isEmpty();
        assertThat(allowed.stdout())
                .isEqualTo(ContentRows.format(ContentRows.rows(demo.callLog(), "calls", row -> true), columns));
    }
}
