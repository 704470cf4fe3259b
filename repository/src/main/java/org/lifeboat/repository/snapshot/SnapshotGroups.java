package org.lifeboat.repository.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** restic's default {@code --group-by host,paths}: forget policies apply to each group separately. */
public final class SnapshotGroups {
    /** A group's identity: the host and the sorted backup paths. */
    public record Key(String hostname, List<String> paths) {
        public Key {
            paths = paths.stream().sorted().toList();
        }

        @Override
        public String toString() {
            return "host [" + hostname + "], paths " + paths;
        }
    }

    private SnapshotGroups() {}

    public static Map<Key, List<SavedSnapshot>> byHostAndPaths(List<SavedSnapshot> snapshots) {
        Map<Key, List<SavedSnapshot>> groups = new LinkedHashMap<>();
        for (SavedSnapshot saved : snapshots) {
            Key key = new Key(saved.snapshot().hostname(), saved.snapshot().paths());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(saved);
        }
        return groups;
    }
}
