package org.lifeboat.android.restore;

import java.util.List;

/**
 * What a restore of one type did.
 *
 * @param restored labels of the items written and verified on the phone
 * @param alreadyPresent labels of the items the phone already had
 * @param failed items not restored, with the reason: failed writes and items the plan found not restorable
 * @param commands the shell work it took
 */
public record RestoreResult(
        RestoreType type,
        List<String> restored,
        List<String> alreadyPresent,
        List<ItemFailure> failed,
        CommandCount commands) {

    public RestoreResult {
        restored = List.copyOf(restored);
        alreadyPresent = List.copyOf(alreadyPresent);
        failed = List.copyOf(failed);
    }

    /** Every item is on the phone now: restored or already there. */
    public boolean complete() {
        return failed.isEmpty();
    }

    /** The run changed nothing on the phone, as a second restore should. */
    public boolean changedNothing() {
        return restored.isEmpty();
    }
}
