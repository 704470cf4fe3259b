package org.lifeboat.android.restore;

import java.io.IOException;

/**
 * Restores one type of data onto one phone in three steps, so a dry run is the first two:
 *
 * <ol>
 *   <li>{@link #inspect} reads what the phone has now of the backed-up items;
 *   <li>{@link #plan} compares that with the backup, touching nothing;
 *   <li>{@link #apply} writes the plan's changes, checks them, and reports per item.
 * </ol>
 *
 * Restorers are idempotent: after a successful apply, inspecting and planning again gives a plan that changes
 * nothing.
 *
 * @param <S> what the phone holds now
 * @param <D> what the backup holds
 * @param <I> one change
 */
public interface Restorer<S, D, I extends PlannedItem> {

    RestoreType type();

    /** Reads the phone's current state for this type, as far as it matters for {@code desired}. */
    S inspect(D desired) throws IOException;

    /** The changes that would bring {@code desired} onto a phone in state {@code current}. */
    RestorePlan<I> plan(S current, D desired);

    /** Makes the changes; items that fail are reported, not thrown. Throws only when the phone itself is lost. */
    RestoreResult apply(RestorePlan<I> plan, RestoreProgress progress) throws IOException;
}
