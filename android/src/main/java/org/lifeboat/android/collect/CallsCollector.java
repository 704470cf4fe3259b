package org.lifeboat.android.collect;

import static org.lifeboat.android.collect.TableReader.concat;
import static org.lifeboat.android.collect.TableReader.integers;
import static org.lifeboat.android.collect.TableReader.tokens;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.format.sbr.ContactNames;
import org.lifeboat.android.format.sbr.SmsBackupWriter;

/**
 * The call log as {@code calls/calls.xml} (SMS Backup &amp; Restore format) and {@code calls/calls.json}. The shell
 * holds READ_CALL_LOG only from Android 13 (android-data.md §3, §4.5); earlier phones refuse, which is reported.
 */
final class CallsCollector implements Collector {
    static final int FIRST_READABLE_API = 33;

    @Override
    public DataType type() {
        return DataType.CALLS;
    }

    @Override
    public Collection collect(Phone phone) throws IOException {
        if (phone.sdk() < FIRST_READABLE_API) {
            NotSaved denied = NotSaved.unreachable(
                    "call log",
                    OptionalLong.empty(),
                    "Android " + phone.property("ro.build.version.release").orElse("12")
                            + " does not let adb read the call log (READ_CALL_LOG arrived for adb in Android 13)",
                    "export the call log with an app on the phone (e.g. SMS Backup & Restore) before resetting");
            return new Collection(DataType.CALLS, List.of(), new TypeReport(DataType.CALLS, 0, 0, 0, List.of(denied)));
        }
        List<String> texts = new ArrayList<>(List.of(
                "name",
                "numberlabel",
                "geocoded_location",
                "formatted_number",
                "call_screening_app_name",
                "subject",
                "location"));
        if (phone.sdk() >= 34) {
            texts.add("asserted_display_name");
        }
        List<String> newer = phone.sdk() >= 34 ? List.of("is_business_call") : List.of();
        try {
            ProviderTable calls = new TableReader(phone)
                    .read(
                            "calls",
                            "content://call_log/calls",
                            Optional.empty(),
                            concat(
                                    integers("_id", "presentation", "date", "duration", "type", "features", "new"),
                                    integers("is_read", "numbertype", "block_reason", "missed_reason", "priority"),
                                    integers(newer.toArray(String[]::new)),
                                    tokens("number", "post_dial_digits", "via_number", "countryiso"),
                                    tokens("normalized_number", "subscription_component_name", "subscription_id"),
                                    tokens("call_screening_component_name")),
                            texts);
            StringWriter xml = new StringWriter();
            ContactNames names = calls.size() == 0 ? ContactNames.NONE : PhoneBookReader.read(phone);
            new SmsBackupWriter(MessagesCollector.phoneZone(phone), names).writeCalls(calls, xml);
            List<CollectedItem> items = List.of(
                    new CollectedItem.Generated(
                            List.of("calls", "calls.xml"), xml.toString().getBytes(StandardCharsets.UTF_8)),
                    new CollectedItem.Generated(
                            List.of("calls", "calls.json"), Exports.dump(phone.sdk(), List.of(calls))));
            return new Collection(
                    DataType.CALLS,
                    items,
                    new TypeReport(DataType.CALLS, calls.size(), calls.size(), Exports.size(items), List.of()));
        } catch (ContentCommandException e) {
            return Exports.notReadable(DataType.CALLS, "call log", e);
        }
    }
}
