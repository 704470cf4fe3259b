package org.lifeboat.repository.snapshot;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which snapshots a command looks at: restic's {@code --host} and {@code --tag} (each tag option is a set of tags that
 * must all be present; several options match if any one does).
 */
public record SnapshotFilter(Optional<String> host, List<Set<String>> tagSets) {
    public static final SnapshotFilter ALL = new SnapshotFilter(Optional.empty(), List.of());

    public SnapshotFilter {
        tagSets = List.copyOf(tagSets);
    }

    public boolean matches(Snapshot snapshot) {
        if (host.isPresent() && !host.get().equals(snapshot.hostname())) {
            return false;
        }
        return tagSets.isEmpty() || tagSets.stream().anyMatch(snapshot::hasAllTags);
    }

    public List<SavedSnapshot> apply(List<SavedSnapshot> snapshots) {
        return snapshots.stream().filter(s -> matches(s.snapshot())).toList();
    }
}
