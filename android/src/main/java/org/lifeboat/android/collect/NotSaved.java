package org.lifeboat.android.collect;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Something on the phone that is not in the backup, with why and what the user can do.
 *
 * @param item what it is, in the user's words ("contact photos", "/files/DCIM/x.jpg")
 * @param count how many, when the phone lets us count them
 * @param reachable true when the backup could have saved it and failed (the run then exits 3); false for what adb
 *     cannot reach at all (app data, RCS, the call log before Android 13)
 */
public record NotSaved(String item, OptionalLong count, String reason, String fix, boolean reachable) {
    public NotSaved {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
    }

    /** A known limitation of backups over adb. */
    public static NotSaved unreachable(String item, OptionalLong count, String reason, String fix) {
        return new NotSaved(item, count, reason, fix, false);
    }

    /** Something readable that failed this time. */
    public static NotSaved failed(String item, String reason, String fix) {
        return new NotSaved(item, OptionalLong.of(1), reason, fix, true);
    }
}
