package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.lifeboat.android.content.BindSyntax;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentInsert;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderValue;

/**
 * Writes SMS and MMS back through {@code content insert} with the {@code WRITE_SMS} app-op allowed for the shell
 * (android-data.md §4.2/4.3), then queries them back: the provider reports nothing on insert and silently drops writes
 * it does not allow, so only a message seen afterwards counts as restored.
 *
 * <ul>
 *   <li>{@code sub_id} is bound as -1: restoring the old phone's subscription ids hides messages on Android 14
 *       (sms-ie #128).
 *   <li>Threads: the provider files an SMS into the thread of its address itself; an MMS is put into the thread of
 *       its recipients through {@code content://mms-sms/threadID}, as {@code Threads.getOrCreateThreadId} does.
 *   <li>Only inbox and sent messages: the shell cannot see other boxes, so it could not check or deduplicate them.
 * </ul>
 */
public final class MessageRestorer implements Restorer<MessagesOnPhone, MessagesToRestore, MessageChange> {
    private static final List<String> SMS_COLUMNS = List.of(
            "address",
            "date",
            "date_sent",
            "protocol",
            "read",
            "status",
            "type",
            "reply_path_present",
            "subject",
            "service_center",
            "locked",
            "error_code",
            "seen",
            "body");
    private static final Set<Long> VISIBLE_BOXES = Set.of(1L, 2L);

    private final PhoneShell shell;

    public MessageRestorer(TargetPhone phone) {
        this.shell = new PhoneShell(phone);
    }

    @Override
    public RestoreType type() {
        return RestoreType.MESSAGES;
    }

    /** Every message the shell can see; {@code desired} plays no part, the whole provider is compared. */
    @Override
    public MessagesOnPhone inspect(MessagesToRestore desired) throws IOException {
        try {
            Set<String> keys = new HashSet<>();
            shell.query(MessageKeys.SMS_QUERY).forEach(row -> keys.add(MessageKeys.sms(row)));
            shell.query(MessageKeys.MMS_QUERY).forEach(row -> keys.add(MessageKeys.mms(row)));
            return new MessagesOnPhone(keys);
        } catch (ContentCommandException e) {
            throw new PhoneDataUnreadableException("messages", e);
        }
    }

    @Override
    public RestorePlan<MessageChange> plan(MessagesOnPhone current, MessagesToRestore desired) {
        Set<String> seen = new HashSet<>(current.keys());
        List<MessageChange> changes = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<ItemFailure> impossible = new ArrayList<>();
        for (ProviderRow row : desired.tables().sms().rows()) {
            MessageChange.Sms sms = new MessageChange.Sms(row, MessageKeys.sms(row));
            if (!VISIBLE_BOXES.contains(row.integer("type").orElse(0))) {
                impossible.add(new ItemFailure(sms.label(), "only inbox and sent messages can be restored over adb"));
            } else if (!seen.add(sms.key())) {
                present.add(sms.label());
            } else {
                changes.add(sms);
            }
        }
        MmsPlanning mms = new MmsPlanning(desired, shell.apiLevel());
        for (ProviderRow pdu : desired.tables().mms().rows()) {
            MessageChange.Mms change = mms.change(pdu);
            Optional<String> refusal = mms.refusal(change);
            if (refusal.isPresent()) {
                impossible.add(new ItemFailure(change.label(), refusal.get()));
            } else if (!seen.add(change.key())) {
                present.add(change.label());
            } else {
                changes.add(change);
            }
        }
        return new RestorePlan<>(RestoreType.MESSAGES, changes, present, impossible);
    }

    @Override
    public RestoreResult apply(RestorePlan<MessageChange> plan, RestoreProgress progress) throws IOException {
        List<ItemFailure> failed = new ArrayList<>(plan.notRestorable());
        if (plan.changesNothing()) {
            return new RestoreResult(RestoreType.MESSAGES, List.of(), plan.alreadyPresent(), failed, shell.count());
        }
        BindSyntax syntax = Probes.bindSyntax(shell);
        WriteSmsAppOp appOp = new WriteSmsAppOp(shell);
        List<MessageChange> attempted = new ArrayList<>();
        String priorMode;
        try {
            priorMode = appOp.allow();
        } catch (CommandRejectedException e) {
            plan.changes()
                    .forEach(c -> failed.add(new ItemFailure(
                            c.label(), "the phone refused to let the adb shell write messages: " + e.getMessage())));
            return new RestoreResult(RestoreType.MESSAGES, List.of(), plan.alreadyPresent(), failed, shell.count());
        }
        try {
            insertSms(plan, syntax, attempted, failed, progress);
            MmsWriter writer = new MmsWriter(shell, syntax);
            for (MessageChange change : plan.changes()) {
                if (change instanceof MessageChange.Mms mms) {
                    writer.write(mms)
                            .ifPresentOrElse(
                                    error -> failed.add(new ItemFailure(mms.label(), error)), () -> attempted.add(mms));
                    progress.advanced(
                            RestoreType.MESSAGES,
                            attempted.size() + failed.size(),
                            plan.changes().size(),
                            0);
                }
            }
        } finally {
            try {
                appOp.restore(priorMode);
            } catch (CommandRejectedException e) {
                failed.add(new ItemFailure(
                        "WRITE_SMS app-op",
                        "could not set it back to '" + priorMode + "': " + e.getMessage()
                                + "; run: adb shell appops set com.android.shell WRITE_SMS " + priorMode));
            }
        }
        Set<String> after = inspect(null).keys();
        List<String> restored = new ArrayList<>();
        for (MessageChange change : attempted) {
            if (after.contains(change.key())) {
                restored.add(change.label());
            } else {
                failed.add(new ItemFailure(
                        change.label(),
                        "the phone accepted the message but did not store it;"
                                + " some phones ignore the WRITE_SMS app-op for the adb shell"));
            }
        }
        return new RestoreResult(RestoreType.MESSAGES, restored, plan.alreadyPresent(), failed, shell.count());
    }

    private void insertSms(
            RestorePlan<MessageChange> plan,
            BindSyntax syntax,
            List<MessageChange> attempted,
            List<ItemFailure> failed,
            RestoreProgress progress)
            throws IOException {
        List<MessageChange.Sms> sms = plan.changes().stream()
                .filter(MessageChange.Sms.class::isInstance)
                .map(MessageChange.Sms.class::cast)
                .toList();
        List<List<String>> inserts = sms.stream()
                .map(message -> ContentInsert.of(
                                MessageKeys.SMS_URI, smsValues(message.row()), syntax, OptionalInt.empty())
                        .arguments())
                .toList();
        List<Optional<String>> errors = shell.runSilentBatch(inserts);
        for (int i = 0; i < sms.size(); i++) {
            MessageChange.Sms message = sms.get(i);
            errors.get(i)
                    .ifPresentOrElse(
                            error -> failed.add(new ItemFailure(message.label(), error)), () -> attempted.add(message));
        }
        progress.advanced(RestoreType.MESSAGES, sms.size(), plan.changes().size(), 0);
    }

    /** The AOSP columns worth restoring; the body last so that it is easy to spot in a command log. */
    static ProviderRow smsValues(ProviderRow row) {
        ProviderRow.Builder values = ProviderRow.builder();
        for (String column : SMS_COLUMNS) {
            if (row.has(column)) {
                values.put(column, row.get(column));
            }
        }
        return values.put("sub_id", ProviderValue.integer(-1)).build();
    }
}
