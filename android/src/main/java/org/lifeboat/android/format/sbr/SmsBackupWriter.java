package org.lifeboat.android.format.sbr;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;

/**
 * Writes "SMS Backup &amp; Restore" files ({@code sms-mms.xml}, {@code calls.xml}) that the SBR app imports. Values are
 * the provider's, as-is; SQL NULL and absent columns are written as {@code null}, the app's convention. The
 * informational {@code readable_date} uses the given zone (the app uses the phone's) and US English.
 */
public final class SmsBackupWriter {

    private static final DateTimeFormatter READABLE_DATE =
            DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.US);
    private static final long MILLIS_PER_SECOND = 1000;

    private final ZoneId zone;
    private final ContactNames names;

    public SmsBackupWriter(ZoneId zone, ContactNames names) {
        this.zone = zone;
        this.names = names;
    }

    /** Writes all SMS, then all MMS with their parts (and part bytes as base64) and addresses. */
    public void writeMessages(MessageTables messages, PartDataSource partData, Writer out) throws IOException {
        Map<Long, List<ProviderRow>> partsByPdu = groupBy(messages.parts(), "mid");
        Map<Long, List<ProviderRow>> addrsByPdu = groupBy(messages.addrs(), "msg_id");
        XmlAttributeWriter xml = new XmlAttributeWriter(out);
        xml.declaration();
        xml.open(0, "smses");
        xml.attribute(
                "count", Integer.toString(messages.sms().size() + messages.mms().size()));
        xml.endStart();
        for (ProviderRow sms : messages.sms().rows()) {
            xml.open(1, "sms");
            for (String column : SbrColumns.SMS) {
                xml.attribute(column, attribute(sms, column));
            }
            xml.attribute("readable_date", readableDate(sms.integer("date")));
            xml.attribute("contact_name", contactName(sms.text("address")));
            xml.endEmpty();
        }
        for (ProviderRow pdu : messages.mms().rows()) {
            long id = pdu.integer("_id").orElseThrow(() -> new IllegalArgumentException("mms row without _id: " + pdu));
            writeMms(
                    xml, pdu, partsByPdu.getOrDefault(id, List.of()), addrsByPdu.getOrDefault(id, List.of()), partData);
        }
        xml.close(0, "smses");
        out.flush();
    }

    private void writeMms(
            XmlAttributeWriter xml,
            ProviderRow pdu,
            List<ProviderRow> parts,
            List<ProviderRow> addrs,
            PartDataSource data)
            throws IOException {
        // The pdu table stores seconds; SBR documents mms@date in milliseconds like sms@date (android-data.md §4.3).
        OptionalLong dateMillis =
                pdu.integer("date").stream().map(s -> s * MILLIS_PER_SECOND).findFirst();
        String address = addrs.stream()
                .map(addr -> addr.text("address").orElse(""))
                .filter(a -> !a.isEmpty() && !a.equals(SbrColumns.OWN_ADDRESS_TOKEN))
                .collect(Collectors.toCollection(LinkedHashSet::new))
                .stream()
                .collect(Collectors.joining(SbrColumns.ADDRESS_SEPARATOR));
        xml.open(1, "mms");
        for (String column : SbrColumns.MMS) {
            String value = column.equals("date") && dateMillis.isPresent()
                    ? Long.toString(dateMillis.getAsLong())
                    : attribute(pdu, column);
            xml.attribute(column, value);
        }
        xml.attribute("address", address.isEmpty() ? SbrColumns.NULL : address);
        xml.attribute("readable_date", readableDate(dateMillis));
        xml.attribute("contact_name", contactName(Optional.of(address).filter(a -> !a.isEmpty())));
        xml.endStart();
        xml.open(2, "parts");
        xml.endStart();
        for (ProviderRow part : parts) {
            xml.open(3, "part");
            for (String column : SbrColumns.PART) {
                xml.attribute(column, attribute(part, column));
            }
            OptionalLong partId = part.integer("_id");
            Optional<ProviderValue.Blob> bytes =
                    partId.isPresent() ? data.partData(partId.getAsLong()) : Optional.empty();
            if (bytes.isPresent()) {
                xml.attribute("data", bytes.get().base64());
            }
            xml.endEmpty();
        }
        xml.close(2, "parts");
        xml.open(2, "addrs");
        xml.endStart();
        for (ProviderRow addr : addrs) {
            xml.open(3, "addr");
            for (String column : SbrColumns.ADDR) {
                xml.attribute(column, attribute(addr, column));
            }
            xml.endEmpty();
        }
        xml.close(2, "addrs");
        xml.close(1, "mms");
    }

    /** Writes {@code calls.xml} from {@code content://call_log/calls} rows. */
    public void writeCalls(ProviderTable calls, Writer out) throws IOException {
        XmlAttributeWriter xml = new XmlAttributeWriter(out);
        xml.declaration();
        xml.open(0, "calls");
        xml.attribute("count", Integer.toString(calls.size()));
        xml.endStart();
        for (ProviderRow call : calls.rows()) {
            xml.open(1, "call");
            for (String column : SbrColumns.CALL) {
                xml.attribute(column, attribute(call, column));
            }
            xml.attribute("readable_date", readableDate(call.integer("date")));
            Optional<String> cachedName = call.text("name").filter(n -> !n.isEmpty());
            xml.attribute("contact_name", cachedName.isPresent() ? cachedName.get() : contactName(call.text("number")));
            xml.endEmpty();
        }
        xml.close(0, "calls");
        out.flush();
    }

    private static String attribute(ProviderRow row, String column) {
        return switch (row.get(column)) {
            case ProviderValue.Null ignored -> SbrColumns.NULL;
            case ProviderValue.Text text -> text.value();
            case ProviderValue.Int number -> Long.toString(number.value());
            // Undecodable text from hex() queries: SBR has no byte form, the JSON dump keeps the exact bytes.
            case ProviderValue.Blob blob -> new String(blob.bytes(), StandardCharsets.UTF_8);
        };
    }

    private String readableDate(OptionalLong epochMillis) {
        return epochMillis.isPresent()
                ? READABLE_DATE.format(
                        Instant.ofEpochMilli(epochMillis.getAsLong()).atZone(zone))
                : SbrColumns.NULL;
    }

    private String contactName(Optional<String> address) {
        return address.flatMap(names::nameFor).orElse(SbrColumns.UNKNOWN_CONTACT);
    }

    private static Map<Long, List<ProviderRow>> groupBy(ProviderTable table, String column) {
        Map<Long, List<ProviderRow>> groups = new java.util.HashMap<>();
        for (ProviderRow row : table.rows()) {
            row.integer(column).ifPresent(key -> groups.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(row));
        }
        return groups;
    }
}
