package org.lifeboat.backup.restore;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.repository.filter.PathFilter;

/**
 * What to restore. Patterns are restic globs over snapshot paths ({@code /files/DCIM/**}, {@code *.mp4}); one that
 * matches a folder covers everything below it, and an exclude wins over an include.
 *
 * @param types the data types, by default all of them
 * @param includes select files ({@code /files/...}); empty selects all
 * @param excludes leave out files, apps ({@code /apps/<package>}) or whole types ({@code /contacts}); empty leaves out
 *     nothing
 * @param dryRun plan only: show what would change on the phone and change nothing
 */
public record PhoneRestoreOptions(Set<DataType> types, PathFilter includes, PathFilter excludes, boolean dryRun) {
    public PhoneRestoreOptions {
        types = Set.copyOf(types);
        Objects.requireNonNull(includes, "includes");
        Objects.requireNonNull(excludes, "excludes");
    }

    /** Options that leave out nothing of {@code types} by path. */
    public PhoneRestoreOptions(Set<DataType> types, PathFilter includes, boolean dryRun) {
        this(types, includes, PathFilter.NONE, dryRun);
    }

    public static PhoneRestoreOptions everything() {
        return new PhoneRestoreOptions(EnumSet.allOf(DataType.class), PathFilter.NONE, PathFilter.NONE, false);
    }

    /** Whether {@code type} is restored: chosen, and its folder not excluded. */
    public boolean selects(DataType type) {
        return types.contains(type) && !excludes.matches(List.of(type.folder()));
    }

    /** Whether the file or app at snapshot path {@code components} ({@code [files, DCIM, a.jpg]}) is restored. */
    boolean selects(List<String> components) {
        boolean included = includes.isEmpty();
        for (int end = 1; end <= components.size(); end++) {
            List<String> prefix = components.subList(0, end);
            if (excludes.matches(prefix)) {
                return false;
            }
            included |= includes.matches(prefix);
        }
        return included;
    }

    /** Whether an app's folder ({@code [apps, <package>]}) escapes the excludes; includes select files only. */
    boolean keepsApp(String packageName) {
        return !excludes.matches(List.of(DataType.APPS.folder(), packageName));
    }
}
