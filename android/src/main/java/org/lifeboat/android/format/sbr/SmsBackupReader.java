package org.lifeboat.android.format.sbr;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.MalformedExportException;

/**
 * Reads "SMS Backup &amp; Restore" files back into provider rows, undoing {@link SmsBackupWriter}: {@code null}
 * becomes SQL NULL (so a body that was literally the text "null" comes back as NULL, as in the SBR app itself),
 * {@code mms@date} goes back to seconds, and the informational {@code readable_date} / {@code contact_name} are
 * dropped except a known call {@code contact_name}, which is the call log's cached {@code name}.
 */
public final class SmsBackupReader {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final String MESSAGES = "SBR messages XML";
    private static final String CALLS = "SBR calls XML";

    private SmsBackupReader() {}

    public static SbrMessages readMessages(Reader in) throws MalformedExportException {
        List<ProviderRow> sms = new ArrayList<>();
        List<ProviderRow> mms = new ArrayList<>();
        List<ProviderRow> parts = new ArrayList<>();
        List<ProviderRow> addrs = new ArrayList<>();
        Map<Long, ProviderValue.Blob> partData = new HashMap<>();
        long pduId = 0;
        long openPdu = 0;
        long partId = 0;
        XMLStreamReader xml = open(in, MESSAGES, "smses");
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.END_ELEMENT && xml.getLocalName().equals("mms")) {
                    openPdu = 0;
                }
                if (event != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "sms" -> {
                        ProviderRow.Builder row = ProviderRow.builder();
                        for (String column : SbrColumns.SMS) {
                            if (!SbrColumns.SMS_NOT_IN_PROVIDER.contains(column)) {
                                putAttribute(xml, row, column, MESSAGES);
                            }
                        }
                        sms.add(row.build());
                    }
                    case "mms" -> {
                        ProviderRow.Builder row = ProviderRow.builder().put("_id", ++pduId);
                        openPdu = pduId;
                        for (String column : SbrColumns.MMS) {
                            putAttribute(xml, row, column, MESSAGES);
                        }
                        ProviderRow pdu = row.build();
                        var millis = pdu.integer("date");
                        mms.add(
                                millis.isPresent()
                                        ? pdu.with("date", ProviderValue.integer(millis.getAsLong() / 1000))
                                        : pdu);
                    }
                    case "part" -> {
                        ProviderRow.Builder row =
                                ProviderRow.builder().put("_id", ++partId).put("mid", requirePdu(xml, openPdu));
                        for (String column : SbrColumns.PART) {
                            putAttribute(xml, row, column, MESSAGES);
                        }
                        String data = xml.getAttributeValue(null, "data");
                        if (data != null && !data.equals(SbrColumns.NULL)) {
                            partData.put(partId, decodeBase64(xml, data));
                        }
                        parts.add(row.build());
                    }
                    case "addr" -> {
                        ProviderRow.Builder row = ProviderRow.builder().put("msg_id", requirePdu(xml, openPdu));
                        for (String column : SbrColumns.ADDR) {
                            putAttribute(xml, row, column, MESSAGES);
                        }
                        addrs.add(row.build());
                    }
                    default -> {
                        // <parts>, <addrs> and elements newer app versions add carry nothing we restore.
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new MalformedExportException(MESSAGES, e.getMessage(), e);
        }
        var tables = new MessageTables(
                new ProviderTable("sms", sms),
                new ProviderTable("mms", mms),
                new ProviderTable("part", parts),
                new ProviderTable("addr", addrs));
        return new SbrMessages(tables, partData);
    }

    /** Rows for {@code content://call_log/calls}; a {@code contact_name} other than "(Unknown)" becomes {@code name}. */
    public static ProviderTable readCalls(Reader in) throws MalformedExportException {
        List<ProviderRow> calls = new ArrayList<>();
        XMLStreamReader xml = open(in, CALLS, "calls");
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT
                        && xml.getLocalName().equals("call")) {
                    ProviderRow.Builder row = ProviderRow.builder();
                    for (String column : SbrColumns.CALL) {
                        putAttribute(xml, row, column, CALLS);
                    }
                    String name = xml.getAttributeValue(null, "contact_name");
                    if (name != null && !name.equals(SbrColumns.UNKNOWN_CONTACT) && !name.equals(SbrColumns.NULL)) {
                        row.put("name", name);
                    }
                    calls.add(row.build());
                }
            }
        } catch (XMLStreamException e) {
            throw new MalformedExportException(CALLS, e.getMessage(), e);
        }
        return new ProviderTable("calls", calls);
    }

    private static XMLStreamReader open(Reader in, String format, String root) throws MalformedExportException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            xml.nextTag();
            if (!xml.getLocalName().equals(root)) {
                throw new MalformedExportException(
                        format, "root element is <" + xml.getLocalName() + ">, expected <" + root + ">");
            }
            return xml;
        } catch (XMLStreamException e) {
            throw new MalformedExportException(format, e.getMessage(), e);
        }
    }

    private static void putAttribute(XMLStreamReader xml, ProviderRow.Builder row, String column, String format)
            throws MalformedExportException {
        String value = xml.getAttributeValue(null, column);
        if (value == null) {
            return;
        }
        if (value.equals(SbrColumns.NULL)) {
            row.put(column, ProviderValue.nullValue());
        } else if (SbrColumns.INTEGERS.contains(column)) {
            try {
                row.put(column, Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new MalformedExportException(
                        format,
                        "<" + xml.getLocalName() + "> attribute " + column + "=\"" + value
                                + "\" is not an integer (line "
                                + xml.getLocation().getLineNumber() + ")");
            }
        } else {
            row.put(column, value);
        }
    }

    private static long requirePdu(XMLStreamReader xml, long pduId) throws MalformedExportException {
        if (pduId == 0) {
            throw new MalformedExportException(
                    MESSAGES,
                    "<" + xml.getLocalName() + "> outside any <mms> (line "
                            + xml.getLocation().getLineNumber() + ")");
        }
        return pduId;
    }

    private static ProviderValue.Blob decodeBase64(XMLStreamReader xml, String data) throws MalformedExportException {
        try {
            return new ProviderValue.Blob(
                    Base64.getDecoder().decode(WHITESPACE.matcher(data).replaceAll("")));
        } catch (IllegalArgumentException e) {
            throw new MalformedExportException(
                    MESSAGES,
                    "part data is not base64 (line " + xml.getLocation().getLineNumber() + "): " + e.getMessage());
        }
    }
}
