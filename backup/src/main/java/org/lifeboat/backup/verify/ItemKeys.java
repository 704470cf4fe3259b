package org.lifeboat.backup.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.dump.ProviderDump;

/**
 * What one item of a provider export is, for comparing the phone with its backup: a key made of what a person
 * entered (so an edit shows as a changed item) and a label naming it. Row ids take no part: the comparison is of
 * content, the same as the restorers' idea of "already there".
 */
final class ItemKeys {
    /** An item with its identity and its name in the report. */
    record Item(String key, String label) {}

    private static final String PHOTO = "vnd.android.cursor.item/photo";
    private static final String GROUP_MEMBERSHIP = "vnd.android.cursor.item/group_membership";

    private ItemKeys() {}

    /** One item per raw contact: its data rows (photos aside, which adb cannot back up) and group titles. */
    static List<Item> contacts(ProviderDump dump) {
        Map<Long, String> groupTitles = new HashMap<>();
        table(dump, "groups")
                .rows()
                .forEach(g -> groupTitles.put(id(g, "_id"), g.text("title").orElse("")));
        Map<Long, List<ProviderRow>> dataByContact =
                table(dump, "data").rows().stream().collect(Collectors.groupingBy(r -> id(r, "raw_contact_id")));
        List<Item> items = new ArrayList<>();
        for (ProviderRow raw : table(dump, "raw_contacts").rows()) {
            TreeSet<String> rows = new TreeSet<>();
            for (ProviderRow data : dataByContact.getOrDefault(id(raw, "_id"), List.of())) {
                String mimetype = data.text("mimetype").orElse("");
                if (mimetype.equals(GROUP_MEMBERSHIP)) {
                    rows.add(mimetype + "=" + groupTitles.getOrDefault(id(data, "data1"), "?"));
                } else if (!mimetype.equals(PHOTO)) {
                    StringBuilder row = new StringBuilder(mimetype);
                    for (int i = 1; i <= 14; i++) {
                        String value = data.text("data" + i).orElse("");
                        if (!value.isEmpty()) {
                            row.append('\u001f').append(i).append('=').append(value);
                        }
                    }
                    rows.add(row.toString());
                }
            }
            String name = raw.text("display_name").orElse("(no name)");
            items.add(new Item(String.join("\n", rows), "contact '" + name + "'"));
        }
        return items;
    }

    static List<Item> messages(ProviderDump dump) {
        List<Item> items = new ArrayList<>();
        for (ProviderRow sms : table(dump, "sms").rows()) {
            boolean sent = sms.integer("type").orElse(0) == 2;
            items.add(new Item(
                    key("sms", sms, "type", "date", "address", "body"),
                    "SMS " + (sent ? "to " : "from ") + sms.text("address").orElse("(no number)") + " at "
                            + Instant.ofEpochMilli(sms.integer("date").orElse(0)) + ": \""
                            + abbreviated(sms.text("body").orElse("")) + "\""));
        }
        for (ProviderRow pdu : table(dump, "pdu").rows()) {
            boolean sent = pdu.integer("msg_box").orElse(0) == 2;
            items.add(new Item(
                    key("mms", pdu, "msg_box", "date", "m_id", "sub"),
                    "MMS " + (sent ? "sent" : "received") + " at "
                            + Instant.ofEpochSecond(pdu.integer("date").orElse(0))));
        }
        return items;
    }

    static List<Item> calls(ProviderDump dump) {
        return table(dump, "calls").rows().stream()
                .map(call -> new Item(
                        key("call", call, "number", "type", "date", "duration"),
                        "call with "
                                + call.text("number").filter(n -> !n.isEmpty()).orElse("(hidden number)") + " at "
                                + Instant.ofEpochMilli(call.integer("date").orElse(0))))
                .toList();
    }

    /** One item per event, with its reminders and attendees, in its calendar (by name). */
    static List<Item> events(ProviderDump dump) {
        Map<Long, String> calendars = new HashMap<>();
        table(dump, "calendars")
                .rows()
                .forEach(c -> calendars.put(
                        id(c, "_id"),
                        c.text("calendar_displayName").or(() -> c.text("name")).orElse("")));
        Map<Long, List<String>> extras = new HashMap<>();
        table(dump, "reminders").rows().forEach(r -> extras.computeIfAbsent(id(r, "event_id"), k -> new ArrayList<>())
                .add(key("reminder", r, "minutes", "method")));
        table(dump, "attendees").rows().forEach(a -> extras.computeIfAbsent(id(a, "event_id"), k -> new ArrayList<>())
                .add(key("attendee", a, "attendeeEmail", "attendeeName", "attendeeStatus")));
        List<Item> items = new ArrayList<>();
        for (ProviderRow event : table(dump, "events").rows()) {
            String calendar = calendars.getOrDefault(id(event, "calendar_id"), "");
            TreeSet<String> parts = new TreeSet<>(extras.getOrDefault(id(event, "_id"), List.of()));
            String fields = key(
                    "event",
                    event,
                    "title",
                    "dtstart",
                    "dtend",
                    "duration",
                    "allDay",
                    "rrule",
                    "eventLocation",
                    "description");
            items.add(new Item(
                    calendar + "\n" + fields + "\n" + String.join("\n", parts),
                    "event '" + event.text("title").orElse("") + "' at "
                            + Instant.ofEpochMilli(event.integer("dtstart").orElse(0)) + " in " + calendar));
        }
        return items;
    }

    /** The items of {@code phone} that {@code backup} does not hold, counting duplicates. */
    static List<Item> missing(List<Item> phone, List<Item> backup) {
        Map<String, Integer> stored = new HashMap<>();
        backup.forEach(item -> stored.merge(item.key(), 1, Integer::sum));
        List<Item> missing = new ArrayList<>();
        for (Item item : phone) {
            Integer left = stored.get(item.key());
            if (left == null || left == 0) {
                missing.add(item);
            } else {
                stored.put(item.key(), left - 1);
            }
        }
        return missing;
    }

    private static String key(String kind, ProviderRow row, String... columns) {
        StringBuilder key = new StringBuilder(kind);
        for (String column : columns) {
            // Length-prefixed, so no text can make two different items collide.
            String value = row.has(column) ? value(row.get(column)) : "\0absent";
            key.append('|').append(value.length()).append(':').append(value);
        }
        return key.toString();
    }

    private static String value(ProviderValue cell) {
        return switch (cell) {
            case ProviderValue.Text text -> text.value();
            case ProviderValue.Int number -> Long.toString(number.value());
            case ProviderValue.Null ignored -> "\0null";
            case ProviderValue.Blob bytes -> "\0hex:" + HexFormat.of().formatHex(bytes.bytes());
        };
    }

    private static long id(ProviderRow row, String column) {
        return row.integer(column).orElse(-1);
    }

    private static ProviderTable table(ProviderDump dump, String name) {
        return dump.table(name).orElse(ProviderTable.empty(name));
    }

    private static String abbreviated(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 40 ? line : line.substring(0, 39) + "…";
    }
}
