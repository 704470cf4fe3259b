package org.lifeboat.android.collect;

import static org.lifeboat.android.collect.TableReader.concat;
import static org.lifeboat.android.collect.TableReader.hexTexts;
import static org.lifeboat.android.collect.TableReader.integers;
import static org.lifeboat.android.collect.TableReader.tokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.sbr.ContactNames;
import org.lifeboat.android.format.sbr.MessageTables;
import org.lifeboat.android.format.sbr.SmsBackupWriter;

/**
 * SMS and MMS as {@code messages/sms-mms.xml} (SMS Backup &amp; Restore format, MMS parts inline as base64),
 * {@code messages/messages.json} (every row) and {@code messages/mms-parts/} (part bytes). Telephony accepts SQL
 * expressions, so every free-text column is read as {@code hex()} in a single query (android-data.md §2.3).
 */
final class MessagesCollector implements Collector {
    @Override
    public DataType type() {
        return DataType.MESSAGES;
    }

    @Override
    public Collection collect(Phone phone) throws IOException {
        TableReader reader = new TableReader(phone);
        try {
            ProviderTable sms = reader.read(
                    "sms",
                    "content://sms",
                    Optional.empty(),
                    concat(
                            integers("_id", "thread_id", "person", "date", "date_sent", "protocol", "read"),
                            integers("status", "type", "reply_path_present", "locked", "sub_id", "error_code"),
                            integers("seen"),
                            tokens("creator"),
                            hexTexts("address", "subject", "body", "service_center")),
                    List.of());
            ProviderTable pdus = reader.read(
                    "pdu",
                    "content://mms",
                    Optional.empty(),
                    concat(
                            integers("_id", "thread_id", "date", "date_sent", "msg_box", "read", "sub_cs", "exp"),
                            integers("m_type", "v", "m_size", "pri", "rr", "rpt_a", "resp_st", "st", "retr_st"),
                            integers("retr_txt_cs", "read_status", "ct_cls", "d_tm", "d_rpt", "locked", "sub_id"),
                            integers("seen", "text_only"),
                            tokens("ct_t", "m_cls", "creator"),
                            hexTexts("m_id", "sub", "ct_l", "tr_id", "retr_txt", "resp_txt")),
                    List.of());
            ProviderTable parts = reader.read(
                    "part",
                    "content://mms/part",
                    Optional.empty(),
                    concat(
                            integers("_id", "mid", "seq", "chset", "ctt_s", "sub_id"),
                            tokens("ct"),
                            hexTexts("name", "cd", "fn", "cid", "cl", "ctt_t", "_data", "text")),
                    List.of());
            List<ProviderRow> addrs = new ArrayList<>();
            for (ProviderRow pdu : pdus.rows()) {
                long id = pdu.integer("_id").orElseThrow();
                addrs.addAll(reader.read(
                                "addr",
                                "content://mms/" + id + "/addr",
                                Optional.empty(),
                                concat(
                                        integers("_id", "msg_id", "contact_id", "type", "charset", "sub_id"),
                                        hexTexts("address")),
                                List.of())
                        .rows());
            }
            MessageTables tables = new MessageTables(sms, pdus, parts, new ProviderTable("addr", addrs));
            return collection(phone, tables);
        } catch (ContentCommandException e) {
            return Exports.notReadable(DataType.MESSAGES, "SMS and MMS", e);
        }
    }

    private static Collection collection(Phone phone, MessageTables tables) throws IOException {
        List<CollectedItem> items = new ArrayList<>();
        List<NotSaved> notSaved = new ArrayList<>(knownUnreachable());
        Map<Long, ProviderValue.Blob> partBytes = new HashMap<>();
        for (ProviderRow part : tables.parts().rows()) {
            if (!part.has("_data") || part.get("_data") instanceof ProviderValue.Null) {
                continue;
            }
            long id = part.integer("_id").orElseThrow();
            Optional<byte[]> bytes = readPart(phone, id);
            if (bytes.isEmpty()) {
                notSaved.add(NotSaved.failed(
                        "MMS attachment " + id, "the phone returned no bytes for it", "run the backup again"));
                continue;
            }
            partBytes.put(id, new ProviderValue.Blob(bytes.get()));
            String name = part.text("cl").or(() -> part.text("name")).orElse("part");
            items.add(new CollectedItem.Generated(
                    List.of("messages", "mms-parts", id + "-" + Exports.safeFileName(name)), bytes.get()));
        }
        StringWriter xml = new StringWriter();
        ContactNames names =
                tables.sms().size() + tables.mms().size() == 0 ? ContactNames.NONE : PhoneBookReader.read(phone);
        new SmsBackupWriter(phoneZone(phone), names)
                .writeMessages(tables, partId -> Optional.ofNullable(partBytes.get(partId)), xml);
        items.add(new CollectedItem.Generated(
                List.of("messages", "sms-mms.xml"), xml.toString().getBytes(StandardCharsets.UTF_8)));
        items.add(new CollectedItem.Generated(
                List.of("messages", "messages.json"),
                Exports.dump(phone.sdk(), List.of(tables.sms(), tables.mms(), tables.parts(), tables.addrs()))));
        long found = tables.sms().size() + tables.mms().size();
        long failed = notSaved.stream().filter(NotSaved::reachable).count();
        return new Collection(
                DataType.MESSAGES,
                items,
                new TypeReport(DataType.MESSAGES, found, found - failed, Exports.size(items), notSaved));
    }

    /** An MMS part's file, through {@code content read} (MmsProvider.openFile); empty when nothing came back. */
    private static Optional<byte[]> readPart(Phone phone, long partId) throws IOException {
        ShellCommand read = ShellCommand.builder()
                .word("content read --uri")
                .arg("content://mms/part/" + partId)
                .word("2>/dev/null")
                .build();
        try (InputStream in = phone.device().exec(read)) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
        }
    }

    static ZoneId phoneZone(Phone phone) {
        try {
            return ZoneId.of(phone.property("persist.sys.timezone").orElse("UTC"));
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static List<NotSaved> knownUnreachable() {
        return List.of(
                NotSaved.unreachable(
                        "SMS drafts, outbox, failed and queued messages",
                        OptionalLong.empty(),
                        "Android shows adb only the inbox and sent messages",
                        "send or delete drafts before resetting the phone"),
                NotSaved.unreachable(
                        "RCS chat messages",
                        OptionalLong.empty(),
                        "RCS chats live in the messaging app's private storage, which adb cannot read",
                        "use the messaging app's own backup (Google Messages: Google One backup)"));
    }
}
