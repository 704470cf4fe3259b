package org.lifeboat.backup.restore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lifeboat.android.collect.DataType;

/**
 * A restore of one snapshot onto one phone: a row per type, and whether the phone stayed until the end.
 *
 * @param snapshotId the snapshot restored
 * @param sourceHost the snapshot's host: the phone it was taken from
 * @param targetSerial the phone restored onto
 * @param targetSdk its API level, which decided what could be restored
 * @param interruptedAt the type being restored when the phone went away; the types after it were not started
 */
public record PhoneRestoreReport(
        String snapshotId,
        String sourceHost,
        String targetSerial,
        int targetSdk,
        boolean dryRun,
        List<TypeRestore> types,
        Optional<DataType> interruptedAt) {

    public PhoneRestoreReport {
        Objects.requireNonNull(snapshotId, "snapshotId");
        types = List.copyOf(types);
        Objects.requireNonNull(interruptedAt, "interruptedAt");
    }

    /** How the restore ended; decides the exit code. */
    public enum Outcome {
        /** Every selected item is on the phone: restored or already there (exit 0). */
        COMPLETE,
        /** Some items that could have been restored were not; they are listed (exit 3). */
        INCOMPLETE,
        /** The phone went away; running the restore again completes it (exit 1). */
        PHONE_LOST
    }

    public Outcome outcome() {
        if (interruptedAt.isPresent()) {
            return Outcome.PHONE_LOST;
        }
        return types.stream().anyMatch(TypeRestore::hasFailures) ? Outcome.INCOMPLETE : Outcome.COMPLETE;
    }

    /** Nothing was (or, for a dry run, would be) written: the phone already has the whole snapshot. */
    public boolean changedNothing() {
        return types.stream().allMatch(TypeRestore::changedNothing);
    }
}
