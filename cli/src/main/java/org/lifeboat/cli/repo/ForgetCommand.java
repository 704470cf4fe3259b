package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.lock.RepositoryLock;
import org.lifeboat.repository.snapshot.ForgetPolicy;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.snapshot.SnapshotGroups;
import org.lifeboat.repository.snapshot.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lifeboat forget --keep-...}: removes snapshots a policy does not keep, per host and paths. */
@Command(name = "forget", description = "Remove snapshots according to a keep policy.", mixinStandardHelpOptions = true)
public final class ForgetCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Mixin
    RepositoryOptions repositoryOptions;

    @Option(names = "--keep-last", paramLabel = "N", description = "Keep the N newest snapshots.")
    int last;

    @Option(names = "--keep-hourly", paramLabel = "N", description = "Keep the newest snapshot of each of N hours.")
    int hourly;

    @Option(names = "--keep-daily", paramLabel = "N", description = "Keep the newest snapshot of each of N days.")
    int daily;

    @Option(names = "--keep-weekly", paramLabel = "N", description = "Keep the newest snapshot of each of N weeks.")
    int weekly;

    @Option(names = "--keep-monthly", paramLabel = "N", description = "Keep the newest snapshot of each of N months.")
    int monthly;

    @Option(names = "--keep-yearly", paramLabel = "N", description = "Keep the newest snapshot of each of N years.")
    int yearly;

    @Option(
            names = "--keep-tag",
            paramLabel = "TAG[,TAG...]",
            description = "Keep snapshots with all these tags (repeatable).")
    List<String> keepTags = new ArrayList<>();

    @Option(names = "--host", paramLabel = "HOST", description = "Only consider snapshots of this host.")
    String host;

    @Option(
            names = {"-n", "--dry-run"},
            description = "Only show what would be removed.")
    boolean dryRun;

    @Option(names = "--prune", description = "Then remove the data no snapshot uses any more.")
    boolean prune;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ForgetPolicy policy;
        try {
            policy =
                    new ForgetPolicy(last, hourly, daily, weekly, monthly, yearly, SnapshotSelection.tagSets(keepTags));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.USAGE, e.getMessage(), e);
        }
        if (policy.isEmpty()) {
            out.println("no policy was specified, no snapshots will be removed");
            return 0;
        }
        try (Repository repository = repositoryOptions.open();
                Locked<List<SavedSnapshot>> locked =
                        repositoryOptions.lockExclusive(repository, () -> SnapshotSelection.filter(host, List.of())
                                .apply(new SnapshotStore(repository).loadAll()))) {
            RepositoryLock lock = locked.lock();
            SnapshotStore store = new SnapshotStore(repository);
            List<SavedSnapshot> snapshots = locked.prepared();
            List<SavedSnapshot> remove = new ArrayList<>();
            for (Map.Entry<SnapshotGroups.Key, List<SavedSnapshot>> group :
                    SnapshotGroups.byHostAndPaths(snapshots).entrySet()) {
                ForgetPolicy.Decision decision = policy.apply(group.getValue());
                out.println("snapshots for " + group.getKey() + ":");
                for (ForgetPolicy.Kept kept : decision.keep()) {
                    out.printf(
                            "  keep    %s  %s  %s%n",
                            kept.snapshot().id().toShortString(),
                            TIME.format(kept.snapshot().snapshot().time()),
                            String.join(", ", kept.reasons()));
                }
                for (SavedSnapshot removed : decision.remove()) {
                    out.printf(
                            "  remove  %s  %s%n",
                            removed.id().toShortString(),
                            TIME.format(removed.snapshot().time()));
                }
                remove.addAll(decision.remove());
            }
            if (dryRun) {
                out.println("dry run: " + remove.size() + " snapshot(s) would be removed");
            } else {
                for (SavedSnapshot removed : remove) {
                    lock.checkStillHeld();
                    store.delete(removed.id());
                }
                out.println("removed " + remove.size() + " snapshot(s)");
            }
            if (prune && !remove.isEmpty()) {
                PruneCommand.prune(repository, lock, dryRun, out);
            }
        }
        out.flush();
        return 0;
    }
}
