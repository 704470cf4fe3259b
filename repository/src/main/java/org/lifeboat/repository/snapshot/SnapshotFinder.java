package org.lifeboat.repository.snapshot;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Resolves what the user typed for SNAPSHOT: a full ID, a unique ID prefix, or {@code latest}. */
public final class SnapshotFinder {
    public static final String LATEST = "latest";

    private SnapshotFinder() {}

    /**
     * @param filter restricts {@code latest} (restic's {@code latest --host H}); full IDs and prefixes match
     *     regardless, as in restic
     */
    public static SavedSnapshot find(List<SavedSnapshot> snapshots, String spec, SnapshotFilter filter)
            throws SnapshotNotFoundException {
        if (spec.equals(LATEST)) {
            return filter.apply(snapshots).stream()
                    .max(Comparator.comparing(
                            (SavedSnapshot s) -> s.snapshot().time().toInstant()))
                    .orElseThrow(() -> new SnapshotNotFoundException("no snapshot found"
                            + filter.host().map(h -> " for host '" + h + "'").orElse("")));
        }
        String prefix = spec.toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() || !prefix.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new SnapshotNotFoundException(
                    "'" + spec + "' is neither 'latest' nor a snapshot ID (hex digits, at least a unique prefix)");
        }
        List<SavedSnapshot> matches = snapshots.stream()
                .filter(s -> s.id().toString().startsWith(prefix))
                .toList();
        if (matches.isEmpty()) {
            throw new SnapshotNotFoundException("no snapshot ID starts with '" + spec + "'");
        }
        if (matches.size() > 1) {
            throw new SnapshotNotFoundException("'" + spec + "' matches " + matches.size() + " snapshots ("
                    + String.join(
                            ", ",
                            matches.stream().map(s -> s.id().toShortString()).toList())
                    + "); give more digits");
        }
        return matches.getFirst();
    }
}
