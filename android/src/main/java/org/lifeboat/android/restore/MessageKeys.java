package org.lifeboat.android.restore;

import java.util.HexFormat;
import java.util.List;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderValue;

/**
 * What makes a message the same message on two phones: the provider's {@code _id} and {@code thread_id} are local,
 * so a message is known by box, time, and who and what: an SMS by (type, date in ms, address, body), an MMS by
 * (msg_box, date in s, m_id, subject). The telephony provider accepts SQL in projections, so these are read with
 * {@code hex()} and compare byte for byte (android-data.md §2.3).
 */
final class MessageKeys {

    static final String SMS_URI = "content://sms";
    static final String MMS_URI = "content://mms";

    static final ContentQuery SMS_QUERY = ContentQuery.builder(SMS_URI)
            .columns(
                    ColumnSpec.integer("_id"),
                    ColumnSpec.integer("type"),
                    ColumnSpec.integer("date"),
                    ColumnSpec.hexText("address"),
                    ColumnSpec.hexText("body"))
            .build();

    static final ContentQuery MMS_QUERY = ContentQuery.builder(MMS_URI)
            .columns(
                    ColumnSpec.integer("_id"),
                    ColumnSpec.integer("msg_box"),
                    ColumnSpec.integer("date"),
                    ColumnSpec.hexText("m_id"),
                    ColumnSpec.hexText("sub"))
            .build();

    private MessageKeys() {}

    static String sms(ProviderRow row) {
        return join("sms", row, List.of("type", "date", "address", "body"));
    }

    static String mms(ProviderRow row) {
        return join("mms", row, List.of("msg_box", "date", "m_id", "sub"));
    }

    private static String join(String kind, ProviderRow row, List<String> columns) {
        StringBuilder key = new StringBuilder(kind);
        for (String column : columns) {
            // Length-prefixed, so no text can make two different messages collide.
            String value =
                    switch (row.get(column)) {
                        case ProviderValue.Blob bytes ->
                            "\0hex:" + HexFormat.of().formatHex(bytes.bytes());
                        case ProviderValue.Null ignored -> "\0null";
                        default -> row.text(column).orElseThrow();
                    };
            key.append('|').append(value.length()).append(':').append(value);
        }
        return key.toString();
    }
}
