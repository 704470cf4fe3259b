package org.lifeboat.android.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of the backup report: what the phone holds of one type, what was saved and what was not.
 *
 * @param found items on the phone (files, contacts, messages, …) as far as adb can see them
 * @param saved items in the backup
 * @param bytes the size of what was saved (file contents, or the exported documents)
 */
public record TypeReport(DataType type, long found, long saved, long bytes, List<NotSaved> notSaved) {
    public TypeReport {
        Objects.requireNonNull(type, "type");
        notSaved = List.copyOf(notSaved);
    }

    /** Whether something reachable failed, which makes the whole backup incomplete (exit 3). */
    public boolean hasFailures() {
        return notSaved.stream().anyMatch(NotSaved::reachable);
    }

    /** This report after {@code items} more items of {@code bytes} bytes were not saved, for {@code reasons}. */
    public TypeReport without(List<NotSaved> reasons, long items, long lostBytes) {
        List<NotSaved> all = new ArrayList<>(notSaved);
        all.addAll(reasons);
        return new TypeReport(type, found, Math.max(0, saved - items), Math.max(0, bytes - lostBytes), all);
    }
}
