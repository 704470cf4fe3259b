package org.lifeboat.backup.restore;

import java.util.List;
import java.util.Objects;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.restore.CommandCount;
import org.lifeboat.android.restore.ItemFailure;

/**
 * How the restore of one type went (or, in a dry run, would go).
 *
 * @param inBackup false when the snapshot holds nothing of this type (it was not backed up)
 * @param restored items written and read back; in a dry run, the items that would be written
 * @param alreadyPresent items the phone already had, left alone
 * @param notRestorable items this phone cannot take over adb, each with the reason (a known limit, not a failure)
 * @param failed items that could have been restored and were not: refused writes, damaged backup data
 * @param commands the shell work it took
 */
public record TypeRestore(
        DataType type,
        boolean inBackup,
        List<String> restored,
        List<String> alreadyPresent,
        List<ItemFailure> notRestorable,
        List<ItemFailure> failed,
        CommandCount commands) {

    public TypeRestore {
        Objects.requireNonNull(type, "type");
        restored = List.copyOf(restored);
        alreadyPresent = List.copyOf(alreadyPresent);
        notRestorable = List.copyOf(notRestorable);
        failed = List.copyOf(failed);
        Objects.requireNonNull(commands, "commands");
    }

    /** The snapshot has nothing of {@code type}. */
    static TypeRestore absent(DataType type) {
        return new TypeRestore(type, false, List.of(), List.of(), List.of(), List.of(), CommandCount.NONE);
    }

    /** Nothing of {@code type} could be restored, for {@code reason}. */
    static TypeRestore failed(DataType type, ItemFailure reason) {
        return new TypeRestore(type, true, List.of(), List.of(), List.of(), List.of(reason), CommandCount.NONE);
    }

    /** This result with more failed items, e.g. files whose backup copy is damaged. */
    TypeRestore withFailures(List<ItemFailure> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<ItemFailure> all = new java.util.ArrayList<>(failed);
        all.addAll(more);
        return new TypeRestore(type, inBackup, restored, alreadyPresent, notRestorable, all, commands);
    }

    public boolean hasFailures() {
        return !failed.isEmpty();
    }

    /** Nothing was (or would be) written for this type. */
    public boolean changedNothing() {
        return restored.isEmpty();
    }
}
