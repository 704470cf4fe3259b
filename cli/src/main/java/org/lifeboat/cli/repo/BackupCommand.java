package org.lifeboat.cli.repo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.Sizes;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.cli.Workers;
import org.lifeboat.cli.device.PhoneBackupMixin;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.archiver.Archiver;
import org.lifeboat.repository.archiver.ArchiverOptions;
import org.lifeboat.repository.archiver.BackupResult;
import org.lifeboat.repository.archiver.BackupSummary;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.lock.RepositoryLock;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lifeboat backup PATH...}: a snapshot of local files, incremental against the last one of the same paths.
 * Without PATH it backs up a phone ({@link PhoneBackupMixin}).
 */
@Command(
        name = "backup",
        description = {
            "Back up a phone, or files and folders, into a new snapshot.",
            "  lifeboat backup [--device SERIAL] [--only TYPES] [--skip TYPES] [--include GLOB]... [--dry-run]",
            "  lifeboat backup PATH...   (local files and folders)"
        },
        mixinStandardHelpOptions = true)
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    RepositoryOptions repositoryOptions;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "Files and folders to back up; without PATH, the phone is backed up.")
    List<Path> paths;

    @Mixin
    PhoneBackupMixin phone;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out matching items (repeatable).")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "Tag the snapshot (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--host", paramLabel = "HOST", description = "Host name to record (default: this machine's).")
    String host;

    @Option(names = "--json", description = "Print progress and summary as JSON lines.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (paths == null || paths.isEmpty()) {
            return phone.backup(
                    repositoryOptions,
                    excludes,
                    json,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> targets =
                paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        ArchiverOptions options;
        ExecutorService workers = Workers.forCpuWork("backup-worker");
        try (Repository repository = repositoryOptions.open();
                Locked<Optional<SavedSnapshot>> locked = repositoryOptions.lockShared(repository, () -> {
                    Optional<SavedSnapshot> parent = parentOf(repository, hostname(repository), targets, err);
                    // Packs recovered from their headers are listed in this backup's index, so nothing is stored
                    // twice.
                    RecoveredIndexWarning.loadIndex(repository, err);
                    return parent;
                })) {
            RepositoryLock lock = locked.lock();
            Optional<SavedSnapshot> parent = locked.prepared();
            try {
                options = ArchiverOptions.of(excludes, tags, hostname(repository), workers);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(ExitCode.USAGE, e.getMessage(), e);
            }
            BackupProgress.Style style = json
                    ? BackupProgress.Style.JSON
                    : System.console() != null ? BackupProgress.Style.BAR : BackupProgress.Style.QUIET;
            BackupResult result;
            try (BackupProgress progress = new BackupProgress(style, out, err, Clock.systemUTC())) {
                result = new Archiver(repository, options).backup(targets, parent, progress);
            }
            lock.checkStillHeld();
            report(result, parent, out);
            if (!result.isComplete()) {
                throw new UserFacingException(
                        ExitCode.INCOMPLETE,
                        result.errors().size()
                                + " item(s) could not be read (listed above); snapshot "
                                + result.snapshot().id().toShortString() + " was saved without them");
            }
        } finally {
            workers.shutdownNow();
        }
        return 0;
    }

    private String hostname(Repository repository) {
        return host != null ? host : repository.settings().identity().hostname();
    }

    /** restic's parent: the latest snapshot of the same host with the same set of paths. */
    private static Optional<SavedSnapshot> parentOf(
            Repository repository, String hostname, List<Path> targets, PrintWriter err) throws IOException {
        List<String> paths = targets.stream().map(Path::toString).sorted().toList();
        return SnapshotSelection.readable(repository, err).stream()
                .filter(s -> s.snapshot().hostname().equals(hostname))
                .filter(s -> s.snapshot().paths().stream().sorted().toList().equals(paths))
                .max(Comparator.comparing(
                        (SavedSnapshot s) -> s.snapshot().time().toInstant()));
    }

    private void report(BackupResult result, Optional<SavedSnapshot> parent, PrintWriter out) {
        BackupSummary s = result.summary();
        if (json) {
            ObjectNode line = new ObjectMapper()
                    .createObjectNode()
                    .put("message_type", "summary")
                    .put("files_new", s.filesNew())
                    .put("files_changed", s.filesChanged())
                    .put("files_unmodified", s.filesUnmodified())
                    .put("dirs_new", s.dirsNew())
                    .put("dirs_changed", s.dirsChanged())
                    .put("dirs_unmodified", s.dirsUnmodified())
                    .put("data_added", s.dataAdded())
                    .put("data_added_packed", s.dataAddedStored())
                    .put("total_files_processed", s.totalFilesProcessed())
                    .put("total_bytes_processed", s.totalBytesProcessed())
                    .put("total_duration", s.duration().toMillis() / 1000.0)
                    .put("snapshot_id", result.snapshot().id().toString())
                    .put("errors", result.errors().size());
            out.println(line);
            out.flush();
            return;
        }
        parent.ifPresent(p -> out.println("using parent snapshot " + p.id().toShortString()));
        out.printf(
                "Files:  %6d new, %6d changed, %6d unmodified%n", s.filesNew(), s.filesChanged(), s.filesUnmodified());
        out.printf("Dirs:   %6d new, %6d changed, %6d unmodified%n", s.dirsNew(), s.dirsChanged(), s.dirsUnmodified());
        out.printf(
                "Added to the repository: %s (%s stored)%n",
                Sizes.bytes(s.dataAdded()), Sizes.bytes(s.dataAddedStored()));
        out.printf(
                "processed %d files, %s in %s%n",
                s.totalFilesProcessed(), Sizes.bytes(s.totalBytesProcessed()), Sizes.duration(s.duration()));
        out.println("snapshot " + result.snapshot().id().toShortString() + " saved");
        out.flush();
    }
}
