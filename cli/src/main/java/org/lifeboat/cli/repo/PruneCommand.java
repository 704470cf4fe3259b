package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.index.IndexRecoveryReport;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.lock.RepositoryLock;
import org.lifeboat.repository.prune.PrunePlan;
import org.lifeboat.repository.prune.PruneReport;
import org.lifeboat.repository.prune.Pruner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lifeboat prune}: deletes data no snapshot uses, repacking partly used packs. */
@Command(
        name = "prune",
        description = "Remove data that no snapshot references any more.",
        mixinStandardHelpOptions = true)
public final class PruneCommand implements Callable<Integer> {
    @Mixin
    RepositoryOptions repositoryOptions;

    @Option(
            names = {"-n", "--dry-run"},
            description = "Only show what would be removed.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (Repository repository = repositoryOptions.open();
                Locked<IndexRecoveryReport> locked =
                        repositoryOptions.lockExclusive(repository, repository::indexRecovery)) {
            prune(repository, locked.lock(), dryRun, spec.commandLine().getOut());
        }
        return 0;
    }

    /** Shared with {@code forget --prune}: the caller holds the exclusive lock. */
    public static void prune(Repository repository, RepositoryLock lock, boolean dryRun, PrintWriter out)
            throws IOException {
        out.println("loading all snapshots and collecting the blobs they use...");
        List<CorruptFileException> damaged = repository.indexRecovery().damagedIndexFiles();
        if (!damaged.isEmpty()) {
            // A prune's new index would leave the damaged files behind; repairing first removes them.
            throw new UserFacingException(
                    ExitCode.FATAL,
                    damaged.getFirst().getMessage() + "; " + RecoveredIndexWarning.REPAIR_HINT + " first");
        }
        Pruner pruner = new Pruner(repository);
        PrunePlan plan = pruner.plan(new SnapshotBlobs(repository).usedBlobs());
        out.printf(
                "packs: %d kept, %d to repack (%d blobs), %d to delete; %s to free%n",
                plan.keep().size(),
                plan.repack().size(),
                plan.blobsToRepack().size(),
                plan.delete().size(),
                bytes(plan.bytesToFree()));
        if (dryRun || plan.isEmpty()) {
            out.println(plan.isEmpty() ? "nothing to prune" : "dry run: nothing was changed");
            return;
        }
        PruneReport report = pruner.execute(plan, lock);
        out.printf(
                "repacked %d packs, deleted %d packs, wrote %d index file(s); done%n",
                report.packsRepacked(),
                report.packsDeleted(),
                report.newIndexFiles().size());
    }

    private static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(count)) / 10;
        return String.format(
                java.util.Locale.ROOT, "%.1f %siB", count / (double) (1L << (10 * unit)), "KMGTPE".charAt(unit - 1));
    }
}
