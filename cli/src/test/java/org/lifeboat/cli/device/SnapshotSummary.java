package org.lifeboat.cli.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.dump.ProviderDump;
import org.lifeboat.android.format.dump.ProviderDumpJson;
import org.lifeboat.backup.restore.PhoneSnapshot;
import org.lifeboat.backup.restore.UnreadableBackupException;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.walker.SnapshotPath;

/**
 * What a phone snapshot holds, reduced to what must survive a trip through another phone: no row ids (they are local
 * to a phone), no values a provider derives itself. Each aspect is a sorted list, so two snapshots agree when the
 * lists are equal.
 */
record SnapshotSummary(
        Map<String, String> files,
        List<String> contacts,
        List<String> sms,
        List<String> mms,
        List<String> events,
        List<String> calls,
        List<String> apps,
        Map<String, String> settings) {

    /** Columns ContactsProvider fills in itself: a phone's normalized number, a name's style flags. */
    private static final Map<String, Set<Integer>> DERIVED =
            Map.of("vnd.android.cursor.item/name", Set.of(10, 11), "vnd.android.cursor.item/phone_v2", Set.of(4));

    private static final ObjectMapper JSON = new ObjectMapper();

    static SnapshotSummary of(PhoneSnapshot snapshot, Set<String> settingKeys) throws IOException {
        Map<String, String> files = new TreeMap<>();
        snapshot.walkFiles("/files", new PhoneSnapshot.FileVisitor() {
            @Override
            public void file(SnapshotPath path, Node node) {
                // Same content blob IDs in one repository means the same bytes.
                files.put(
                        path.toString(),
                        node.size() + " bytes, mtime " + node.mtime().toEpochSecond() + ", " + node.content());
            }

            @Override
            public void unreadableFolder(SnapshotPath path, UnreadableBackupException damage) {
                throw new AssertionError(damage);
            }
        });
        ProviderDump contacts = dump(snapshot, "/contacts/contacts.json");
        ProviderDump messages = dump(snapshot, "/messages/messages.json");
        ProviderDump calendar = dump(snapshot, "/calendar/calendar.json");
        // Below Android 13 the shell may not read the call log, so such a backup holds no calls.json.
        ProviderDump calls = snapshot.read("/calls/calls.json").isPresent()
                ? dump(snapshot, "/calls/calls.json")
                : ProviderDump.of(messages.apiLevel(), List.of());
        List<String> apps = new ArrayList<>();
        for (JsonNode app : JSON.readTree(snapshot.read("/apps/apps.json").orElseThrow())) {
            String name = app.path("packageName").asText();
            String apks = snapshot.find("/apps/" + name + "/base.apk")
                    .map(Node::content)
                    .map(Object::toString)
                    .orElse("no base.apk");
            apps.add(name + " " + app.path("versionCode").asLong() + " " + apks);
        }
        Map<String, String> settings = new TreeMap<>();
        for (String namespace : List.of("system", "secure", "global")) {
            String text =
                    new String(snapshot.read("/settings/" + namespace + ".txt").orElseThrow(), StandardCharsets.UTF_8);
            text.lines()
                    .filter(line -> line.contains("="))
                    .filter(line -> settingKeys.contains(namespace + "/" + line.substring(0, line.indexOf('='))))
                    .forEach(line -> settings.put(
                            namespace + "/" + line.substring(0, line.indexOf('=')),
                            line.substring(line.indexOf('=') + 1)));
        }
        return new SnapshotSummary(
                files,
                contacts(contacts),
                sorted(table(messages, "sms"), "type", "date", "date_sent", "address", "body", "read"),
                mms(messages),
                events(calendar),
                sorted(table(calls, "calls"), "number", "type", "date", "duration"),
                apps.stream().sorted().toList(),
                settings);
    }

    private static List<String> contacts(ProviderDump dump) {
        Map<Long, String> groups = new HashMap<>();
        table(dump, "groups")
                .rows()
                .forEach(g ->
                        groups.put(g.integer("_id").orElse(-1), g.text("title").orElse("")));
        Map<Long, List<ProviderRow>> data = table(dump, "data").rows().stream()
                .collect(Collectors.groupingBy(r -> r.integer("raw_contact_id").orElse(-1)));
        List<String> contacts = new ArrayList<>();
        for (ProviderRow raw : table(dump, "raw_contacts").rows()) {
            List<String> rows = new ArrayList<>();
            for (ProviderRow row : data.getOrDefault(raw.integer("_id").orElse(-1), List.of())) {
                String mimetype = row.text("mimetype").orElse("");
                if (mimetype.endsWith("/photo")) {
                    continue; // adb cannot read or write contact photos
                }
                if (mimetype.endsWith("/group_membership")) {
                    rows.add("group " + groups.get(row.integer("data1").orElse(-1)));
                    continue;
                }
                StringBuilder text = new StringBuilder(mimetype);
                for (int i = 1; i <= 14; i++) {
                    if (!DERIVED.getOrDefault(mimetype, Set.of()).contains(i)) {
                        text.append(" | ").append(row.text("data" + i).orElse("∅"));
                    }
                }
                rows.add(text.toString());
            }
            rows.sort(null);
            contacts.add(String.join("\n", rows));
        }
        contacts.sort(null);
        return contacts;
    }

    private static List<String> mms(ProviderDump dump) {
        Map<Long, List<String>> parts = new HashMap<>();
        for (ProviderRow part : table(dump, "part").rows()) {
            parts.computeIfAbsent(part.integer("mid").orElse(-1), k -> new ArrayList<>())
                    .add(part.text("ct").orElse("") + " " + part.text("text").orElse(""));
        }
        List<String> mms = new ArrayList<>();
        for (ProviderRow pdu : table(dump, "pdu").rows()) {
            List<String> itsParts =
                    new ArrayList<>(parts.getOrDefault(pdu.integer("_id").orElse(-1), List.of()));
            itsParts.sort(null);
            mms.add(line(pdu, "msg_box", "date", "m_id", "sub") + " parts " + itsParts);
        }
        mms.sort(null);
        return mms;
    }

    private static List<String> events(ProviderDump dump) {
        Map<Long, String> calendars = new HashMap<>();
        table(dump, "calendars")
                .rows()
                .forEach(c -> calendars.put(
                        c.integer("_id").orElse(-1),
                        c.text("calendar_displayName").orElse("")));
        Map<Long, List<String>> extras = new HashMap<>();
        table(dump, "reminders").rows().forEach(r -> extras.computeIfAbsent(
                        r.integer("event_id").orElse(-1), k -> new ArrayList<>())
                .add("reminder " + line(r, "minutes", "method")));
        table(dump, "attendees").rows().forEach(a -> extras.computeIfAbsent(
                        a.integer("event_id").orElse(-1), k -> new ArrayList<>())
                .add("attendee " + line(a, "attendeeEmail", "attendeeName")));
        List<String> events = new ArrayList<>();
        for (ProviderRow event : table(dump, "events").rows()) {
            List<String> itsExtras =
                    new ArrayList<>(extras.getOrDefault(event.integer("_id").orElse(-1), List.of()));
            itsExtras.sort(null);
            events.add(calendars.get(event.integer("calendar_id").orElse(-1)) + " "
                    + line(event, "title", "dtstart", "dtend", "duration", "allDay", "rrule", "eventLocation")
                    + " " + itsExtras);
        }
        events.sort(null);
        return events;
    }

    private static List<String> sorted(ProviderTable table, String... columns) {
        return table.rows().stream().map(row -> line(row, columns)).sorted().toList();
    }

    private static String line(ProviderRow row, String... columns) {
        StringBuilder line = new StringBuilder();
        for (String column : columns) {
            line.append(column)
                    .append('=')
                    .append(row.has(column) ? row.text(column).orElse("∅") : "absent")
                    .append(' ');
        }
        return line.toString().strip();
    }

    private static ProviderDump dump(PhoneSnapshot snapshot, String path) throws IOException {
        return ProviderDumpJson.read(
                new ByteArrayInputStream(snapshot.read(path).orElseThrow()));
    }

    private static ProviderTable table(ProviderDump dump, String name) {
        return dump.table(name).orElse(ProviderTable.empty(name));
    }
}
