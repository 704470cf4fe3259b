package org.lifeboat.android.restore;

import java.util.List;

/**
 * What a restore of one type would do, worked out from the phone's current state and the backup without changing
 * anything: the dry run. Applying it performs exactly {@link #changes()}.
 *
 * @param changes the items to write, in the order they will be written
 * @param alreadyPresent labels of items the phone already has, which a restore leaves alone
 * @param notRestorable items that cannot be restored to this phone, each with the reason
 */
public record RestorePlan<I extends PlannedItem>(
        RestoreType type, List<I> changes, List<String> alreadyPresent, List<ItemFailure> notRestorable) {

    public RestorePlan {
        changes = List.copyOf(changes);
        alreadyPresent = List.copyOf(alreadyPresent);
        notRestorable = List.copyOf(notRestorable);
    }

    /** True when applying the plan would leave the phone as it is. */
    public boolean changesNothing() {
        return changes.isEmpty();
    }
}
