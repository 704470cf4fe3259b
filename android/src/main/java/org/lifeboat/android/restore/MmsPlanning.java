package org.lifeboat.android.restore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lifeboat.android.content.ProviderRow;

/**
 * Groups a backup's MMS rows per message and works out each message's thread. A thread is identified by its
 * recipients without the phone owner, whose own number shows up as the sender ({@code type=137}) of sent messages.
 */
final class MmsPlanning {
    static final int ANDROID_11 = 30;
    /** PduHeaders address types. */
    private static final long FROM = 137;

    private static final Set<Long> TO_CC_BCC = Set.of(151L, 130L, 129L);
    private static final long SENT = 2;
    /** What the messaging stack stores in place of the owner's number when it does not know it. */
    private static final String ADDRESS_TOKEN = "insert-address-token";

    private static final Set<String> TEXT_TYPES = Set.of("text/plain", "application/smil");

    private final MessagesToRestore desired;
    private final int apiLevel;
    private final Map<Long, List<ProviderRow>> addrsByMessage;
    private final Map<Long, List<ProviderRow>> partsByMessage;
    private final Set<String> ownNumbers = new HashSet<>();

    MmsPlanning(MessagesToRestore desired, int apiLevel) {
        this.desired = desired;
        this.apiLevel = apiLevel;
        this.addrsByMessage = byColumn(desired.tables().addrs().rows(), "msg_id");
        this.partsByMessage = byColumn(desired.tables().parts().rows(), "mid");
        for (ProviderRow pdu : desired.tables().mms().rows()) {
            if (pdu.integer("msg_box").orElse(0) == SENT) {
                for (ProviderRow addr : addrsOf(pdu)) {
                    if (addr.integer("type").orElse(0) == FROM) {
                        addr.text("address").ifPresent(ownNumbers::add);
                    }
                }
            }
        }
    }

    MessageChange.Mms change(ProviderRow pdu) {
        List<ProviderRow> addrs = addrsOf(pdu);
        List<ProviderRow> parts = partsByMessage.getOrDefault(pdu.integer("_id").orElse(-1), List.of());
        return new MessageChange.Mms(
                pdu, addrs, parts, recipients(pdu, addrs), desired.partData(), MessageKeys.mms(pdu));
    }

    /** Why the message cannot be written to this phone, if it cannot. */
    Optional<String> refusal(MessageChange.Mms mms) {
        long box = mms.pdu().integer("msg_box").orElse(0);
        if (box != 1 && box != SENT) {
            return Optional.of("only inbox and sent messages can be restored over adb");
        }
        if (apiLevel < ANDROID_11 && mms.parts().stream().anyMatch(MmsPlanning::isAttachment)) {
            return Optional.of("attachments are written with 'content write', which arrived in Android 11;"
                    + " this phone runs API " + apiLevel);
        }
        return Optional.empty();
    }

    /** A part whose content lives in a file rather than in the {@code text} column. */
    static boolean isAttachment(ProviderRow part) {
        return !TEXT_TYPES.contains(part.text("ct").orElse(""))
                && part.text("text").isEmpty();
    }

    private List<ProviderRow> addrsOf(ProviderRow pdu) {
        return addrsByMessage.getOrDefault(pdu.integer("_id").orElse(-1), List.of());
    }

    private List<String> recipients(ProviderRow pdu, List<ProviderRow> addrs) {
        boolean sent = pdu.integer("msg_box").orElse(0) == SENT;
        Set<String> recipients = new LinkedHashSet<>();
        for (ProviderRow addr : addrs) {
            long type = addr.integer("type").orElse(0);
            Optional<String> address = addr.text("address").filter(a -> !a.equals(ADDRESS_TOKEN));
            boolean counts = sent ? TO_CC_BCC.contains(type) : type == FROM || TO_CC_BCC.contains(type);
            if (counts && address.isPresent() && !(!sent && type != FROM && ownNumbers.contains(address.get()))) {
                recipients.add(address.get());
            }
        }
        return new ArrayList<>(recipients);
    }

    private static Map<Long, List<ProviderRow>> byColumn(List<ProviderRow> rows, String column) {
        return rows.stream()
                .collect(Collectors.groupingBy(r -> r.integer(column).orElse(-1)));
    }
}
