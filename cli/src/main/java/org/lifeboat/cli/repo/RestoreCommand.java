package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.Sizes;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.cli.Workers;
import org.lifeboat.cli.device.PhoneRestoreMixin;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.filter.PathFilter;
import org.lifeboat.repository.index.IndexRecoveryReport;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.restorer.RestoreOptions;
import org.lifeboat.repository.restorer.RestoreProblem;
import org.lifeboat.repository.restorer.RestoreResult;
import org.lifeboat.repository.restorer.Restorer;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.walker.SnapshotPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lifeboat restore SNAPSHOT --target DIR}: writes a snapshot's files below DIR, and nowhere else. With
 * {@code --device} it restores a phone backup onto a phone instead ({@link PhoneRestoreMixin}).
 */
@Command(
        name = "restore",
        description = {
            "Restore a snapshot into a folder, or a phone backup onto a phone.",
            "  lifeboat restore SNAPSHOT --target DIR   (files into a folder)",
            "  lifeboat restore SNAPSHOT --device SERIAL [--only TYPES] [--include GLOB]...",
            "                   [--exclude GLOB]... [--dry-run] [--json]"
        },
        mixinStandardHelpOptions = true)
public final class RestoreCommand implements Callable<Integer> {
    @Mixin
    RepositoryOptions repositoryOptions;

    @Mixin
    NoLockOption noLock;

    @Parameters(paramLabel = "SNAPSHOT", description = "Snapshot ID, unique ID prefix, or 'latest'.")
    String snapshot;

    @Option(
            names = {"-t", "--target"},
            paramLabel = "DIR",
            description = "Folder form: the folder to restore into.")
    Path target;

    @Mixin
    PhoneRestoreMixin phone;

    @Option(
            names = {"-i", "--include"},
            paramLabel = "GLOB",
            description = "Only restore matching items (repeatable). Phone form: files by snapshot path, e.g."
                    + " '/files/DCIM/**'.")
    List<String> includes = new ArrayList<>();

    @Option(
            names = {"-e", "--exclude"},
            paramLabel = "GLOB",
            description = "Leave out matching items (repeatable). Phone form: files ('/files/Download', '*.mp4'),"
                    + " apps ('/apps/com.example.game') or whole types ('/messages'); only a pattern starting with"
                    + " '/' reaches an app or a type, others match files at any depth inside /files.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--host", paramLabel = "HOST", description = "For 'latest': the latest snapshot of this host.")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (phone.requested()) {
            if (target != null) {
                throw new UserFacingException(
                        ExitCode.USAGE, "--device restores onto a phone; --target belongs to the folder form");
            }
            return phone.restore(
                    repositoryOptions,
                    noLock,
                    snapshot,
                    host,
                    includes,
                    excludes,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        if (target == null) {
            throw new UserFacingException(
                    ExitCode.USAGE, "say where to restore: --target DIR for a folder, or --device SERIAL for a phone");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RestoreOptions options;
        ExecutorService workers = Workers.forCpuWork("restore-worker");
        try {
            options = new RestoreOptions(PathFilter.parse(includes), PathFilter.parse(excludes), workers);
        } catch (IllegalArgumentException e) {
            workers.shutdownNow();
            throw new UserFacingException(ExitCode.USAGE, e.getMessage(), e);
        }
        RestoreResult result;
        IndexRecoveryReport indexRecovery;
        try (Repository repository = repositoryOptions.open();
                Locked<SnapshotAndIndex> locked = noLock.lockShared(
                        repositoryOptions, repository, () -> SnapshotAndIndex.load(repository, snapshot, host, err))) {
            SavedSnapshot saved = locked.prepared().snapshot();
            indexRecovery = locked.prepared().indexRecovery();
            out.printf("restoring snapshot %s to %s%n", saved.id().toShortString(), target.toAbsolutePath());
            result = new Restorer(repository, options).restore(saved.snapshot().tree(), SnapshotPath.ROOT, target);
        } finally {
            workers.shutdownNow();
        }
        for (RestoreProblem warning : result.warnings()) {
            err.println("warning: " + warning);
        }
        for (RestoreProblem failure : result.failures()) {
            err.println("error: " + failure);
        }
        out.printf("restored %d files, %s%n", result.filesRestored(), Sizes.bytes(result.bytesRestored()));
        out.flush();
        if (!result.isComplete()) {
            throw new UserFacingException(
                    ExitCode.INCOMPLETE, result.failures().size() + " item(s) could not be restored (listed above)");
        }
        // Packs that no index lists (even unreadable ones) are also what an interrupted or concurrent backup, or a
        // copy tool, leaves, so they only warn: if the snapshot needed them, its files failed above. A damaged index
        // file makes the restore report failure even when every file came back.
        if (!indexRecovery.damagedIndexFiles().isEmpty()) {
            throw new UserFacingException(
                    ExitCode.INCOMPLETE,
                    "every file was restored, but the index is damaged; " + RecoveredIndexWarning.REPAIR_HINT);
        }
        return 0;
    }
}
