package org.lifeboat.android.restore;

import java.time.Instant;
import java.util.List;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.format.sbr.PartDataSource;

/** One message to insert: an SMS row, or an MMS pdu with its addresses and parts. */
public sealed interface MessageChange extends PlannedItem {

    /** Identifies the message on any phone; see {@link MessageKeys}. */
    String key();

    record Sms(ProviderRow row, String key) implements MessageChange {
        @Override
        public String label() {
            long type = row.integer("type").orElse(0);
            return "SMS " + (type == 2 ? "to " : "from ") + row.text("address").orElse("(no number)") + " at "
                    + Instant.ofEpochMilli(row.integer("date").orElse(0));
        }
    }

    /**
     * @param parts rows with their backup {@code _id}, which finds their bytes in the part data
     * @param threadRecipients the addresses whose thread the message belongs to, without the owner's own number
     * @param partData the bytes of the attachments, by the parts' backup {@code _id}
     */
    record Mms(
            ProviderRow pdu,
            List<ProviderRow> addrs,
            List<ProviderRow> parts,
            List<String> threadRecipients,
            PartDataSource partData,
            String key)
            implements MessageChange {
        public Mms {
            addrs = List.copyOf(addrs);
            parts = List.copyOf(parts);
            threadRecipients = List.copyOf(threadRecipients);
        }

        @Override
        public String label() {
            return "MMS " + (pdu.integer("msg_box").orElse(0) == 2 ? "to " : "from ")
                    + String.join(", ", threadRecipients) + " at "
                    + Instant.ofEpochSecond(pdu.integer("date").orElse(0)) + " (" + parts.size() + " parts)";
        }
    }
}
