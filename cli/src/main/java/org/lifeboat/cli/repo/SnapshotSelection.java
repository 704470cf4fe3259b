package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.snapshot.SnapshotFilter;
import org.lifeboat.repository.snapshot.SnapshotFinder;
import org.lifeboat.repository.snapshot.SnapshotNotFoundException;
import org.lifeboat.repository.snapshot.SnapshotStore;

/** Turns {@code --host}/{@code --tag} options and a SNAPSHOT argument into snapshots, with user-facing errors. */
final class SnapshotSelection {
    private SnapshotSelection() {}

    /** restic's tag syntax: each option is a comma-separated set that must be present in full. */
    static List<Set<String>> tagSets(List<String> options) {
        return options.stream()
                .map(option -> (Set<String>) new LinkedHashSet<>(Arrays.stream(option.split(","))
                        .map(String::strip)
                        .filter(tag -> !tag.isEmpty())
                        .toList()))
                .filter(set -> !set.isEmpty())
                .toList();
    }

    static SnapshotFilter filter(String host, List<String> tags) {
        return new SnapshotFilter(Optional.ofNullable(host), tagSets(tags));
    }

    static SavedSnapshot find(List<SavedSnapshot> snapshots, String spec, String host) {
        try {
            return SnapshotFinder.find(snapshots, spec, filter(host, List.of()));
        } catch (SnapshotNotFoundException e) {
            throw new UserFacingException(ExitCode.FATAL, e.getMessage(), e);
        }
    }

    /** The readable snapshots; each damaged one is named on {@code err} and skipped, as restic does. */
    static List<SavedSnapshot> readable(Repository repository, PrintWriter err) throws IOException {
        return new SnapshotStore(repository)
                .loadReadable(damaged -> err.println("warning: skipping " + damaged.getMessage()));
    }
}
