package org.lifeboat.backup.restore;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.repository.filter.PathFilter;

/**
 * What to restore.
 *
 * @param types the data types, by default all of them
 * @param includes restic globs over snapshot paths ({@code /files/DCIM/**}) selecting files; empty selects all
 * @param dryRun plan only: show what would change on the phone and change nothing
 */
public record PhoneRestoreOptions(Set<DataType> types, PathFilter includes, boolean dryRun) {
    public PhoneRestoreOptions {
        types = Set.copyOf(types);
        Objects.requireNonNull(includes, "includes");
    }

    public static PhoneRestoreOptions everything() {
        return new PhoneRestoreOptions(EnumSet.allOf(DataType.class), PathFilter.NONE, false);
    }
}
