package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.lifeboat.android.content.BindSyntax;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentInsert;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;

/**
 * Writes call-log entries back on Android 13 and later, the first version whose shell holds WRITE_CALL_LOG
 * (android-data.md §3, §4.5); before that CallLogProvider denies uid 2000 and every entry is reported as not
 * restorable, with that reason. An entry is known by (number, type, date), the key SMS Import/Export uses.
 * Voicemail entries are skipped as sms-ie does: the provider wants the voicemail permission for them.
 */
public final class CallLogRestorer implements Restorer<Set<String>, ProviderTable, CallChange> {
    static final String CALLS_URI = "content://call_log/calls";
    static final int ANDROID_13 = 33;
    private static final long VOICEMAIL = 4;
    private static final List<String> COLUMNS = List.of(
            "number",
            "presentation",
            "date",
            "duration",
            "type",
            "new",
            "is_read",
            "numbertype",
            "numberlabel",
            "countryiso",
            "geocoded_location",
            "post_dial_digits",
            "via_number",
            "features",
            "name");
    private static final ContentQuery KEYS = ContentQuery.builder(CALLS_URI)
            .columns(
                    ColumnSpec.integer("_id"),
                    ColumnSpec.integer("type"),
                    ColumnSpec.integer("date"),
                    ColumnSpec.text("number"))
            .build();

    private final PhoneShell shell;

    public CallLogRestorer(TargetPhone phone) {
        this.shell = new PhoneShell(phone);
    }

    @Override
    public RestoreType type() {
        return RestoreType.CALLS;
    }

    /** The keys of the phone's calls; nothing is read below Android 13, where the shell may not. */
    @Override
    public Set<String> inspect(ProviderTable desired) throws IOException {
        if (shell.apiLevel() < ANDROID_13) {
            return Set.of();
        }
        try {
            Set<String> keys = new HashSet<>();
            shell.query(KEYS).forEach(row -> keys.add(key(row)));
            return keys;
        } catch (ContentCommandException e) {
            throw new PhoneDataUnreadableException("call log", e);
        }
    }

    @Override
    public RestorePlan<CallChange> plan(Set<String> current, ProviderTable desired) {
        Set<String> seen = new HashSet<>(current);
        List<CallChange> changes = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<ItemFailure> impossible = new ArrayList<>();
        for (ProviderRow call : desired.rows()) {
            CallChange change = new CallChange(call, key(call));
            if (shell.apiLevel() < ANDROID_13) {
                impossible.add(new ItemFailure(
                        change.label(),
                        "Android before 13 does not let the adb shell write" + " the call log (this phone runs API "
                                + shell.apiLevel() + ")"));
            } else if (call.integer("type").orElse(0) == VOICEMAIL) {
                impossible.add(new ItemFailure(change.label(), "voicemail entries belong to the voicemail app"));
            } else if (!seen.add(change.key())) {
                present.add(change.label());
            } else {
                changes.add(change);
            }
        }
        return new RestorePlan<>(RestoreType.CALLS, changes, present, impossible);
    }

    @Override
    public RestoreResult apply(RestorePlan<CallChange> plan, RestoreProgress progress) throws IOException {
        List<ItemFailure> failed = new ArrayList<>(plan.notRestorable());
        if (plan.changesNothing()) {
            return new RestoreResult(RestoreType.CALLS, List.of(), plan.alreadyPresent(), failed, shell.count());
        }
        BindSyntax syntax = Probes.bindSyntax(shell);
        List<List<String>> inserts = new ArrayList<>();
        for (CallChange change : plan.changes()) {
            ProviderRow.Builder values = ProviderRow.builder();
            COLUMNS.stream()
                    .filter(change.call()::has)
                    .forEach(c -> values.put(c, change.call().get(c)));
            inserts.add(ContentInsert.of(CALLS_URI, values.build(), syntax, OptionalInt.empty())
                    .arguments());
        }
        List<Optional<String>> errors = shell.runSilentBatch(inserts);
        progress.advanced(
                RestoreType.CALLS, plan.changes().size(), plan.changes().size(), 0);
        Set<String> after = inspect(null);
        List<String> restored = new ArrayList<>();
        for (int i = 0; i < plan.changes().size(); i++) {
            CallChange change = plan.changes().get(i);
            if (after.contains(change.key())) {
                restored.add(change.label());
            } else {
                failed.add(new ItemFailure(
                        change.label(), errors.get(i).orElse("the phone accepted the entry but did not store it")));
            }
        }
        return new RestoreResult(RestoreType.CALLS, restored, plan.alreadyPresent(), failed, shell.count());
    }

    /** (number, type, date); a hidden number and the text "NULL" print alike, so both count as no number. */
    static String key(ProviderRow call) {
        String number = call.text("number").filter(n -> !n.equals("NULL")).orElse("");
        return call.integer("type").orElse(0) + "|" + call.integer("date").orElse(0) + "|" + number;
    }

    static String direction(long type) {
        return switch ((int) type) {
            case 2 -> "to";
            case 3 -> "missed from";
            default -> "from";
        };
    }
}
