package org.lifeboat.backup;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lifeboat.android.collect.DataType;

/**
 * What to back up from a phone.
 *
 * @param types the data types, by default all of them
 * @param includes restic glob patterns over snapshot paths ({@code /files/DCIM/**}, {@code *.jpg}); when given, only
 *     phone files matching one (or lying below a match) are saved
 * @param excludes restic glob patterns; phone files matching one (or lying below a match) are left out
 * @param dryRun list what would be saved, with counts and sizes, and write nothing
 * @param parallelReads how many phone files are read at once, each over its own sync stream
 */
public record PhoneBackupOptions(
        Set<DataType> types, List<String> includes, List<String> excludes, boolean dryRun, int parallelReads) {

    public PhoneBackupOptions {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("nothing to back up: no data types selected");
        }
        types = Set.copyOf(types);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        if (parallelReads < 1) {
            throw new IllegalArgumentException("parallelReads must be at least 1, got " + parallelReads);
        }
    }

    /** Everything, four files at a time. */
    public static PhoneBackupOptions everything() {
        return new PhoneBackupOptions(EnumSet.allOf(DataType.class), List.of(), List.of(), false, 4);
    }

    /** The types of {@code --only} (all when empty) minus those of {@code --skip}. */
    public static Set<DataType> select(List<DataType> only, List<DataType> skip) {
        Set<DataType> types = only.isEmpty() ? EnumSet.allOf(DataType.class) : EnumSet.copyOf(only);
        skip.forEach(types::remove);
        return types;
    }

    public PhoneBackupOptions withDryRun(boolean preview) {
        return new PhoneBackupOptions(types, includes, excludes, preview, parallelReads);
    }
}
