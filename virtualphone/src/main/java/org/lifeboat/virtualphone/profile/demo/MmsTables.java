package org.lifeboat.virtualphone.profile.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * MMS pdu rows (TelephonyProvider pdu table; dates in seconds), each with its addr and part rows nested. Binary part
 * bytes go to files named like the last segment of the part's {@code _data} path, as MmsProvider names them under
 * its app_parts directory.
 */
final class MmsTables {
    static final int MSG_BOX_INBOX = 1;
    static final int MSG_BOX_SENT = 2;
    /** PduHeaders.MESSAGE_TYPE_RETRIEVE_CONF and MESSAGE_TYPE_SEND_REQ. */
    private static final int M_TYPE_RETRIEVE_CONF = 132;

    private static final int M_TYPE_SEND_REQ = 128;
    /** PduHeaders FROM / TO address types. */
    private static final int ADDR_FROM = 137;

    private static final int ADDR_TO = 151;
    private static final int CHARSET_UTF8 = 106;
    /** Telephony.Mms.Addr placeholder the framework writes as the sender of outgoing messages. */
    private static final String INSERT_ADDRESS_TOKEN = "insert-address-token";

    private static final String PARTS_DIR = "/data/user_de/0/com.android.providers.telephony/app_parts/";
    private static final List<String> CAPTIONS =
            List.of("Look at this!", "From our trip \uD83C\uDFD4\uFE0F", "", "Dinner, finally", "New flat = home");

    /** Part files by file name, and the pdu table. */
    record Result(Map<String, List<Map<String, Object>>> tables, Map<String, byte[]> partFiles) {}

    private final List<Map<String, Object>> pdus = new ArrayList<>();
    private final Map<String, byte[]> partFiles = new LinkedHashMap<>();
    private final String ownNumber;
    private final RandomGenerator random;
    private int nextAddrId = 1;
    private int nextPartId = 1;

    private MmsTables(String ownNumber, RandomGenerator random) {
        this.ownNumber = ownNumber;
        this.random = random;
    }

    /**
     * @param images JPEG payloads to attach; reused round-robin when there are more messages than images
     * @param groups group threads (thread id, recipient numbers) that get a share of the messages
     */
    static Result of(
            int count,
            List<Conversation> conversations,
            Map<Long, List<String>> groups,
            List<byte[]> images,
            String ownNumber,
            Timeline timeline,
            RandomGenerator random) {
        MmsTables tables = new MmsTables(ownNumber, random);
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(timeline.randomInstant(random));
        }
        dates.sort(Comparator.naturalOrder());
        List<Long> groupIds = List.copyOf(groups.keySet());
        for (int i = 0; i < count; i++) {
            boolean group = !groupIds.isEmpty() && i % 5 == 4;
            long threadId;
            List<String> others;
            if (group) {
                threadId = groupIds.get(i % groupIds.size());
                others = groups.get(threadId);
            } else {
                Conversation conversation = conversations.get(random.nextInt(Math.min(20, conversations.size())));
                threadId = conversation.threadId();
                others = List.of(conversation.address());
            }
            tables.pdu(i + 1, threadId, others, dates.get(i), images.get(i % images.size()));
        }
        return new Result(Map.of("pdu", tables.pdus), tables.partFiles);
    }

    private void pdu(long id, long threadId, List<String> others, Instant date, byte[] image) {
        boolean received = random.nextInt(100) < 55;
        String caption = CAPTIONS.get(random.nextInt(CAPTIONS.size()));
        long seconds = date.getEpochSecond();
        String transaction = HexFormat.of().formatHex(longBytes(random.nextLong()));
        Rows pdu = Rows.row()
                .put("_id", id)
                .put("thread_id", threadId)
                .put("date", seconds)
                .put("date_sent", received ? seconds - 5 : 0)
                .put("msg_box", received ? MSG_BOX_INBOX : MSG_BOX_SENT)
                .put("read", 1)
                .put("m_id", received ? "mms-" + transaction : null)
                .put("sub", null)
                .put("sub_cs", null)
                .put("ct_t", "application/vnd.wap.multipart.related")
                .put("ct_l", received ? "http://mmsc.example.net/" + transaction : null)
                .put("exp", received ? null : 604_800)
                .put("m_cls", "personal")
                .put("m_type", received ? M_TYPE_RETRIEVE_CONF : M_TYPE_SEND_REQ)
                .put("v", 18)
                .put("m_size", image.length + caption.length() + 200)
                .put("pri", 129)
                .put("rr", 129)
                .put("resp_st", received ? null : 128)
                .put("tr_id", "T" + transaction)
                .put("d_rpt", 129)
                .put("locked", 0)
                .put("sub_id", 1)
                .put("seen", 1)
                .put("creator", "com.google.android.apps.messaging")
                .put("text_only", 0);
        List<Map<String, Object>> addrs = new ArrayList<>();
        if (received) {
            addrs.add(addr(id, others.getFirst(), ADDR_FROM));
            addrs.add(addr(id, ownNumber, ADDR_TO));
            others.stream().skip(1).forEach(other -> addrs.add(addr(id, other, ADDR_TO)));
        } else {
            addrs.add(addr(id, INSERT_ADDRESS_TOKEN, ADDR_FROM));
            others.forEach(other -> addrs.add(addr(id, other, ADDR_TO)));
        }
        List<Map<String, Object>> parts = new ArrayList<>();
        String imageName = "IMG_" + id + ".jpg";
        parts.add(part(
                id, -1, "application/smil", null, "<smil>", "smil.xml", smil(imageName, !caption.isEmpty()), null));
        parts.add(part(id, 0, "image/jpeg", imageName, "<" + imageName + ">", imageName, null, image));
        if (!caption.isEmpty()) {
            parts.add(part(id, 0, "text/plain", null, "<text_0.txt>", "text_0.txt", caption, null));
        }
        pdu.put("addrs", addrs).put("parts", parts);
        pdus.add(pdu.build());
    }

    private Map<String, Object> addr(long messageId, String address, int type) {
        return Rows.row()
                .put("_id", nextAddrId++)
                .put("msg_id", messageId)
                .put("contact_id", null)
                .put("address", address)
                .put("type", type)
                .put("charset", CHARSET_UTF8)
                .build();
    }

    private Map<String, Object> part(
            long messageId, int seq, String contentType, String name, String cid, String cl, String text, byte[] data) {
        int id = nextPartId++;
        String dataPath = null;
        if (data != null) {
            String fileName = "PART_" + (1_600_000_000_000L + id) + "_" + name;
            dataPath = PARTS_DIR + fileName;
            partFiles.put(fileName, data);
        }
        return Rows.row()
                .put("_id", id)
                .put("mid", messageId)
                .put("seq", seq)
                .put("ct", contentType)
                .put("name", name)
                .put("chset", text != null ? CHARSET_UTF8 : null)
                .put("cd", null)
                .put("fn", null)
                .put("cid", cid)
                .put("cl", cl)
                .put("ctt_s", null)
                .put("ctt_t", null)
                .put("_data", dataPath)
                .put("text", text)
                .build();
    }

    private static String smil(String image, boolean withText) {
        String text = withText ? "<text src=\"text_0.txt\" region=\"Text\"/>" : "";
        return "<smil><head><layout><root-layout/><region id=\"Image\" fit=\"meet\" top=\"0\" left=\"0\" height=\"80%\""
                + " width=\"100%\"/><region id=\"Text\" top=\"80%\" left=\"0\" height=\"20%\" width=\"100%\"/></layout>"
                + "</head><body><par dur=\"5000ms\"><img src=\"" + image + "\" region=\"Image\"/>" + text
                + "</par></body></smil>";
    }

    private static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }
}
