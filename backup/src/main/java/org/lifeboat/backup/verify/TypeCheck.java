package org.lifeboat.backup.verify;

import java.util.List;
import java.util.Objects;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.collect.NotSaved;

/**
 * One type of a verify: what the phone holds now, and what of it the backup lacks.
 *
 * @param onPhone items on the phone as far as adb sees them
 * @param notInBackup every item on the phone that the backup does not hold as it is now, named
 * @param cannotBeBackedUp what adb cannot reach at all, with the reason (not counted against the verdict)
 */
public record TypeCheck(DataType type, long onPhone, List<String> notInBackup, List<NotSaved> cannotBeBackedUp) {
    public TypeCheck {
        Objects.requireNonNull(type, "type");
        notInBackup = List.copyOf(notInBackup);
        cannotBeBackedUp = List.copyOf(cannotBeBackedUp);
    }

    public boolean safe() {
        return notInBackup.isEmpty();
    }
}
