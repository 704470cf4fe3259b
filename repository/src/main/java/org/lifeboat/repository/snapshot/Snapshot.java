package org.lifeboat.repository.snapshot;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lifeboat.repository.Id;

/**
 * The content of a snapshot file: when, from where, and the root tree (restic's {@code Snapshot}).
 *
 * @param parent the snapshot this one was made incrementally against, or null
 * @param original for a rewritten snapshot (new tags), the snapshot it replaces, or null
 * @param uid unsigned, 0 when unknown
 */
public record Snapshot(
        OffsetDateTime time,
        Id parent,
        Id tree,
        List<String> paths,
        String hostname,
        String username,
        int uid,
        int gid,
        List<String> excludes,
        List<String> tags,
        Id original) {

    public Snapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(username, "username");
        paths = List.copyOf(paths);
        excludes = List.copyOf(excludes);
        tags = List.copyOf(tags);
    }

    /** Whether the snapshot carries every tag of {@code required} (restic's {@code HasTags}). */
    public boolean hasAllTags(Set<String> required) {
        return tags.containsAll(required);
    }
}
