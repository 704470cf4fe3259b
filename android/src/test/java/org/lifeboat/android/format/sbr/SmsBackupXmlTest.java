package org.lifeboat.android.format.sbr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.MalformedExportException;

class SmsBackupXmlTest {

    private static final ContactNames ALICE =
            address -> address.equals("+15551234") ? Optional.of("Alice") : Optional.empty();
    private static final SmsBackupWriter WRITER = new SmsBackupWriter(ZoneOffset.UTC, ALICE);

    private static final ProviderRow SMS = ProviderRow.builder()
            .put("_id", 12)
            .put("thread_id", 3)
            .put("address", "+15551234")
            .put("date", 1_700_000_000_000L)
            .put("date_sent", 1_699_999_999_000L)
            .put("protocol", 0)
            .put("read", 1)
            .put("status", -1)
            .put("type", 1)
            .put("subject", (String) null)
            .put("body", "Hello\nworld & <you> \"quoted\" 'single'")
            .put("service_center", "+15550000")
            .put("locked", 0)
            .put("sub_id", -1)
            .build();

    private static final ProviderRow PDU = ProviderRow.builder()
            .put("_id", 40)
            .put("date", 1_700_000_000L)
            .put("date_sent", 0)
            .put("msg_box", 1)
            .put("read", 1)
            .put("sub", (String) null)
            .put("ct_t", "application/vnd.wap.multipart.related")
            .put("m_type", 132)
            .build();

    private static final ProviderRow SMIL = ProviderRow.builder()
            .put("_id", 501)
            .put("mid", 40)
            .put("seq", -1)
            .put("ct", "application/smil")
            .put("cid", "<smil>")
            .put("cl", "smil.xml")
            .put("text", "<smil></smil>")
            .build();

    private static final ProviderRow IMAGE = ProviderRow.builder()
            .put("_id", 502)
            .put("mid", 40)
            .put("seq", 0)
            .put("ct", "image/jpeg")
            .put("name", "IMG.jpg")
            .put("text", (String) null)
            .build();

    private static final ProviderRow FROM = ProviderRow.builder()
            .put("msg_id", 40)
            .put("address", "+15551234")
            .put("type", 137)
            .put("charset", 106)
            .build();

    private static final ProviderRow ME = ProviderRow.builder()
            .put("msg_id", 40)
            .put("address", "insert-address-token")
            .put("type", 151)
            .put("charset", 106)
            .build();

    private static final MessageTables MESSAGES = new MessageTables(
            new ProviderTable("sms", List.of(SMS)),
            new ProviderTable("mms", List.of(PDU)),
            new ProviderTable("part", List.of(SMIL, IMAGE)),
            new ProviderTable("addr", List.of(FROM, ME)));

    private static final PartDataSource JPEG_BYTES = id -> id == 502
            ? Optional.of(new ProviderValue.Blob(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
            : Optional.empty();

    @Test
    void writesTheSbrMessagesLayout() throws IOException {
        String mmsNulls = " exp=\"null\" m_cls=\"null\"";
        assertThat(writeMessages(MESSAGES, JPEG_BYTES))
                .isEqualTo("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
                        + "<smses count=\"2\">\n"
                        + "  <sms protocol=\"0\" address=\"+15551234\" date=\"1700000000000\" type=\"1\""
                        + " subject=\"null\" body=\"Hello&#10;world &amp; &lt;you&gt; &quot;quoted&quot; &apos;single&apos;\""
                        + " toa=\"null\" sc_toa=\"null\" service_center=\"+15550000\" read=\"1\" status=\"-1\""
                        + " locked=\"0\" date_sent=\"1699999999000\" sub_id=\"-1\""
                        + " readable_date=\"Nov 14, 2023 10:13:20 PM\" contact_name=\"Alice\" />\n"
                        + "  <mms date=\"1700000000000\" date_sent=\"0\" msg_box=\"1\" read=\"1\" seen=\"null\""
                        + " locked=\"null\" sub_id=\"null\" text_only=\"null\" m_id=\"null\" sub=\"null\""
                        + " sub_cs=\"null\" ct_t=\"application/vnd.wap.multipart.related\" ct_l=\"null\""
                        + mmsNulls + " m_type=\"132\" v=\"null\" m_size=\"null\" pri=\"null\" rr=\"null\""
                        + " rpt_a=\"null\" resp_st=\"null\" st=\"null\" tr_id=\"null\" retr_st=\"null\""
                        + " retr_txt=\"null\" retr_txt_cs=\"null\" read_status=\"null\" ct_cls=\"null\""
                        + " resp_txt=\"null\" d_tm=\"null\" d_rpt=\"null\" address=\"+15551234\""
                        + " readable_date=\"Nov 14, 2023 10:13:20 PM\" contact_name=\"Alice\">\n"
                        + "    <parts>\n"
                        + "      <part seq=\"-1\" ct=\"application/smil\" name=\"null\" chset=\"null\" cd=\"null\""
                        + " fn=\"null\" cid=\"&lt;smil&gt;\" cl=\"smil.xml\" ctt_s=\"null\" ctt_t=\"null\""
                        + " text=\"&lt;smil&gt;&lt;/smil&gt;\" />\n"
                        + "      <part seq=\"0\" ct=\"image/jpeg\" name=\"IMG.jpg\" chset=\"null\" cd=\"null\""
                        + " fn=\"null\" cid=\"null\" cl=\"null\" ctt_s=\"null\" ctt_t=\"null\" text=\"null\""
                        + " data=\"/9j/\" />\n"
                        + "    </parts>\n"
                        + "    <addrs>\n"
                        + "      <addr address=\"+15551234\" type=\"137\" charset=\"106\" />\n"
                        + "      <addr address=\"insert-address-token\" type=\"151\" charset=\"106\" />\n"
                        + "    </addrs>\n"
                        + "  </mms>\n"
                        + "</smses>\n");
    }

    @Test
    void readsBackTheRowsItWrote() throws IOException {
        SbrMessages read = SmsBackupReader.readMessages(new StringReader(writeMessages(MESSAGES, JPEG_BYTES)));

        ProviderRow sms = read.tables().sms().rows().getFirst();
        for (String column : List.of(
                "address",
                "date",
                "date_sent",
                "protocol",
                "read",
                "status",
                "type",
                "subject",
                "body",
                "service_center",
                "locked",
                "sub_id")) {
            assertThat(sms.get(column)).as(column).isEqualTo(SMS.get(column));
        }
        ProviderRow pdu = read.tables().mms().rows().getFirst();
        assertThat(pdu.get("date")).isEqualTo(ProviderValue.integer(1_700_000_000L));
        assertThat(pdu.get("ct_t")).isEqualTo(PDU.get("ct_t"));
        assertThat(pdu.get("m_type")).isEqualTo(ProviderValue.integer(132));
        List<ProviderRow> parts = read.tables().parts().rows();
        assertThat(parts).extracting(p -> p.get("mid")).containsOnly(pdu.get("_id"));
        assertThat(parts)
                .extracting(p -> p.get("text"))
                .containsExactly(ProviderValue.text("<smil></smil>"), ProviderValue.nullValue());
        assertThat(read.partData(parts.get(1).integer("_id").orElseThrow()))
                .contains(new ProviderValue.Blob(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        assertThat(read.tables().addrs().rows())
                .containsExactly(FROM.with("msg_id", pdu.get("_id")), ME.with("msg_id", pdu.get("_id")));
    }

    @Test
    void hostileBodiesSurviveExceptCharactersXmlCannotHold() throws IOException {
        String body = "emoji 😀👩‍👩‍👧, tab\t cr\r lf\n = , NULL ]]> &#10; \u0007bell \uD800lone";
        ProviderRow hostile = SMS.with("body", ProviderValue.text(body)).with("address", ProviderValue.text("Ж名前"));
        MessageTables messages = new MessageTables(
                new ProviderTable("sms", List.of(hostile, SMS.with("body", ProviderValue.text("")))),
                ProviderTable.empty("mms"),
                ProviderTable.empty("part"),
                ProviderTable.empty("addr"));

        String xml = writeMessages(messages, PartDataSource.NONE);
        List<ProviderRow> read = SmsBackupReader.readMessages(new StringReader(xml))
                .tables()
                .sms()
                .rows();

        assertThat(read.get(0).get("body"))
                .isEqualTo(ProviderValue.text("emoji 😀👩‍👩‍👧, tab\t cr\r lf\n = , NULL ]]> &#10; bell lone"));
        assertThat(read.get(0).get("address")).isEqualTo(ProviderValue.text("Ж名前"));
        assertThat(read.get(1).get("body")).isEqualTo(ProviderValue.text(""));
        assertThat(xml).contains("contact_name=\"(Unknown)\"");
    }

    @Test
    void theWordNullReadsAsNullLikeInTheSbrApp() throws IOException {
        String xml = "<smses count=\"1\"><sms address=\"1\" date=\"5\" body=\"null\" subject=\"null\" /></smses>";

        ProviderRow sms = SmsBackupReader.readMessages(new StringReader(xml))
                .tables()
                .sms()
                .rows()
                .getFirst();

        assertThat(sms.get("body")).isEqualTo(ProviderValue.nullValue());
        assertThat(sms.get("date")).isEqualTo(ProviderValue.integer(5));
    }

    @Test
    void writesAndReadsCalls() throws IOException {
        ProviderRow known = ProviderRow.builder()
                .put("_id", 1)
                .put("number", "+15551234")
                .put("date", 1_700_000_000_000L)
                .put("duration", 62)
                .put("type", 1)
                .put("presentation", 1)
                .put("subscription_id", "1")
                .put("post_dial_digits", "")
                .put("name", "Alice M.")
                .build();
        ProviderRow unknown = ProviderRow.builder()
                .put("number", "")
                .put("date", 1_700_000_000_001L)
                .put("duration", 0)
                .put("type", 3)
                .put("presentation", 3)
                .build();
        StringWriter out = new StringWriter();

        WRITER.writeCalls(new ProviderTable("calls", List.of(known, unknown)), out);

        assertThat(out.toString())
                .isEqualTo("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
                        + "<calls count=\"2\">\n"
                        + "  <call number=\"+15551234\" duration=\"62\" date=\"1700000000000\" type=\"1\""
                        + " presentation=\"1\" subscription_id=\"1\" post_dial_digits=\"\""
                        + " readable_date=\"Nov 14, 2023 10:13:20 PM\" contact_name=\"Alice M.\" />\n"
                        + "  <call number=\"\" duration=\"0\" date=\"1700000000001\" type=\"3\" presentation=\"3\""
                        + " subscription_id=\"null\" post_dial_digits=\"null\""
                        + " readable_date=\"Nov 14, 2023 10:13:20 PM\" contact_name=\"(Unknown)\" />\n"
                        + "</calls>\n");
        List<ProviderRow> read =
                SmsBackupReader.readCalls(new StringReader(out.toString())).rows();
        assertThat(read.get(0))
                .isEqualTo(ProviderRow.builder()
                        .put("number", "+15551234")
                        .put("duration", 62)
                        .put("date", 1_700_000_000_000L)
                        .put("type", 1)
                        .put("presentation", 1)
                        .put("subscription_id", "1")
                        .put("post_dial_digits", "")
                        .put("name", "Alice M.")
                        .build());
        assertThat(read.get(1).has("name")).isFalse();
    }

    @Test
    void rejectsBrokenFilesWithTheReason() {
        assertThatThrownBy(() -> SmsBackupReader.readMessages(new StringReader("<calls count=\"0\"/>")))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("expected <smses>");
        assertThatThrownBy(() ->
                        SmsBackupReader.readMessages(new StringReader("<smses><sms date=\"yesterday\" /></smses>")))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("date=\"yesterday\" is not an integer");
        assertThatThrownBy(() -> SmsBackupReader.readMessages(new StringReader("<smses><part seq=\"0\"/></smses>")))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("outside any <mms>");
        assertThatThrownBy(() -> SmsBackupReader.readMessages(
                        new StringReader("<smses><mms><parts><part data=\"*!\"/></parts></mms></smses>")))
                .isInstanceOf(MalformedExportException.class)
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> SmsBackupReader.readMessages(new StringReader("<smses><sms ")))
                .isInstanceOf(MalformedExportException.class);
        assertThatThrownBy(
                        () -> SmsBackupReader.readMessages(
                                new StringReader(
                                        "<!DOCTYPE smses [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><smses><sms body=\"&x;\"/></smses>")))
                .isInstanceOf(MalformedExportException.class);
    }

    private static String writeMessages(MessageTables messages, PartDataSource data) throws IOException {
        StringWriter out = new StringWriter();
        WRITER.writeMessages(messages, data, out);
        return out.toString();
    }
}
