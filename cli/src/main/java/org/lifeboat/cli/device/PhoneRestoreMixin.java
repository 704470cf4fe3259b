package org.lifeboat.cli.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lifeboat.adb.client.Device;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.restore.AdbTargetPhone;
import org.lifeboat.backup.PhoneSnapshots;
import org.lifeboat.backup.restore.PhoneRestore;
import org.lifeboat.backup.restore.PhoneRestoreOptions;
import org.lifeboat.backup.restore.PhoneRestoreReport;
import org.lifeboat.backup.restore.PhoneSnapshot;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.cli.repo.NoLockOption;
import org.lifeboat.cli.repo.RecoveredIndexWarning;
import org.lifeboat.cli.repo.RepositoryOptions;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.filter.PathFilter;
import org.lifeboat.repository.lock.Locked;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.snapshot.SnapshotFilter;
import org.lifeboat.repository.snapshot.SnapshotFinder;
import org.lifeboat.repository.snapshot.SnapshotNotFoundException;
import org.lifeboat.repository.snapshot.SnapshotStore;
import picocli.CommandLine.Option;

/**
 * The phone form of {@code lifeboat restore} ({@code --device} given): writes a phone snapshot back onto a phone,
 * the same one or a new one. Mixed into the restore command so that both forms are one command with one
 * {@code --help}.
 */
public final class PhoneRestoreMixin {
    @Option(
            names = "--device",
            paramLabel = "SERIAL",
            description = "Phone form: restore onto this phone (see 'lifeboat devices'); HOST:PORT works without an"
                    + " adb server.")
    String device;

    @Option(
            names = "--only",
            paramLabel = "TYPES",
            split = ",",
            description = "Phone form: restore only these types: files, contacts, messages, calls, calendar, apps,"
                    + " settings, wifi (default: all).")
    List<String> only = new ArrayList<>();

    @Option(names = "--dry-run", description = "Phone form: show what would change on the phone; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Phone form: print the report as JSON.")
    boolean json;

    /** Whether the command line asked for the phone form. */
    public boolean requested() {
        return device != null;
    }

    /**
     * Restores {@code snapshotSpec} ('latest' is the latest complete phone backup, of {@code host} if given) onto the
     * phone; {@code includes} select files by snapshot path, {@code excludes} leave out files, apps or whole types.
     */
    public int restore(
            RepositoryOptions repositoryOptions,
            NoLockOption noLock,
            String snapshotSpec,
            String host,
            List<String> includes,
            List<String> excludes,
            PrintWriter out,
            PrintWriter err)
            throws IOException {
        PhoneRestoreOptions options;
        try {
            Set<DataType> types = only.isEmpty()
                    ? EnumSet.allOf(DataType.class)
                    : EnumSet.copyOf(only.stream().map(DataType::parse).toList());
            options = new PhoneRestoreOptions(types, PathFilter.parse(includes), PathFilter.parse(excludes), dryRun);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.USAGE, e.getMessage(), e);
        }
        PhoneConnector connector =
                new PhoneConnector(repositoryOptions.environment().variables());
        RestoreProgressPrinter progress = new RestoreProgressPrinter(out, json, dryRun, InstantSource.system());
        PhoneRestoreReport report;
        // The phone first: a wrong serial is reported before the key derivation, and the restore can then read the
        // snapshot's file listing while the new lock settles.
        try (Device phone = connector.connect(Optional.of(device));
                AdbTargetPhone target = AdbTargetPhone.open(phone);
                Repository repository = repositoryOptions.open();
                Locked<PhoneRestore> locked = noLock.lockShared(repositoryOptions, repository, () -> {
                    SavedSnapshot found = find(repository, snapshotSpec, host);
                    RecoveredIndexWarning.loadIndex(repository, err);
                    PhoneRestore restore =
                            new PhoneRestore(target, phone.serial(), new PhoneSnapshot(repository, found), progress);
                    restore.prepare(options);
                    return restore;
                })) {
            report = locked.prepared().run(options);
        }
        return finish(report, json, out);
    }

    /** Prints the report and returns the exit code, or throws for a lost phone. */
    static int finish(PhoneRestoreReport report, boolean json, PrintWriter out) {
        if (json) {
            out.println(RestoreReportPrinter.toJson(report).put("message_type", "summary"));
            out.flush();
        } else {
            RestoreReportPrinter.print(report, out);
        }
        return switch (report.outcome()) {
            case COMPLETE -> ExitCode.SUCCESS.code();
            case INCOMPLETE -> ExitCode.INCOMPLETE.code();
            case PHONE_LOST ->
                throw new UserFacingException(
                        ExitCode.FATAL,
                        "the phone " + report.targetSerial() + " disconnected while "
                                + report.interruptedAt().orElseThrow().folder()
                                + " were being restored. Reconnect it (check the cable, unlock the phone) and run the"
                                + " same command again: what is already on the phone is skipped");
        };
    }

    private static SavedSnapshot find(Repository repository, String spec, String host) throws IOException {
        List<SavedSnapshot> phoneBackups = new SnapshotStore(repository)
                .loadAll().stream()
                        .filter(s -> s.snapshot().tags().contains(PhoneSnapshots.TAG))
                        .filter(s -> !spec.equals(SnapshotFinder.LATEST)
                                || !s.snapshot().tags().contains(PhoneSnapshots.INCOMPLETE_TAG))
                        .toList();
        try {
            return SnapshotFinder.find(phoneBackups, spec, new SnapshotFilter(Optional.ofNullable(host), List.of()));
        } catch (SnapshotNotFoundException e) {
            throw new UserFacingException(
                    ExitCode.FATAL,
                    e.getMessage() + " among the phone backups (snapshots tagged '" + PhoneSnapshots.TAG + "')",
                    e);
        }
    }
}
