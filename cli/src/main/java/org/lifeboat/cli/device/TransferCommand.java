package org.lifeboat.cli.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.lifeboat.adb.client.Device;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.android.restore.AdbTargetPhone;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.backup.PhoneLostException;
import org.lifeboat.backup.ReportJson;
import org.lifeboat.backup.restore.PhoneRestoreReport;
import org.lifeboat.backup.transfer.PhoneTransfer;
import org.lifeboat.backup.transfer.TransferReport;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.cli.Workers;
import org.lifeboat.cli.repo.RecoveredIndexWarning;
import org.lifeboat.cli.repo.RepositoryOptions;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.index.IndexRecoveryReport;
import org.lifeboat.repository.lock.Locked;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lifeboat transfer --from OLD --to NEW}: back up the old phone, restore that snapshot onto the new one, and
 * check the new phone against the snapshot, in one report.
 */
@Command(
        name = "transfer",
        description = {
            "Move to a new phone: back up the old one (incremental), restore that backup onto the new one, and check"
                    + " the new phone against it.",
            "Exit 0: the new phone has everything it can take. 3: items are missing (listed). 1: a phone went away."
        },
        mixinStandardHelpOptions = true)
public final class TransferCommand implements Callable<Integer> {
    @Mixin
    RepositoryOptions repositoryOptions;

    @Option(names = "--from", required = true, paramLabel = "SERIAL", description = "The old phone.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "SERIAL", description = "The new phone.")
    String to;

    @Option(
            names = "--only",
            paramLabel = "TYPES",
            split = ",",
            description = "Only these types: files, contacts, messages, calls, calendar, apps, settings, wifi"
                    + " (default: all).")
    List<String> only = new ArrayList<>();

    @Option(names = "--json", description = "Print progress and the report as JSON lines.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (from.equals(to)) {
            throw new UserFacingException(ExitCode.USAGE, "--from and --to name the same phone (" + from + ")");
        }
        Set<DataType> types;
        try {
            types = PhoneBackupOptions.select(only.stream().map(DataType::parse).toList(), List.of());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.USAGE, e.getMessage(), e);
        }
        PhoneConnector connector =
                new PhoneConnector(repositoryOptions.environment().variables());
        ExecutorService workers = Workers.forCpuWork("transfer-worker");
        Clock clock = Clock.systemDefaultZone();
        PhoneProgress.Style style = PhoneProgress.Style.forOutput(json);
        TransferReport report;
        try (Repository repository = repositoryOptions.open();
                Locked<IndexRecoveryReport> locked = repositoryOptions.lockShared(
                        repository,
                        () -> RecoveredIndexWarning.loadIndex(
                                repository, spec.commandLine().getErr()));
                Device oldDevice = connector.connect(Optional.of(from));
                Device newDevice = connector.connect(Optional.of(to));
                Phone oldPhone = Phone.open(oldDevice);
                AdbTargetPhone newPhone = AdbTargetPhone.open(newDevice);
                PhoneProgress backupProgress = new PhoneProgress(style, out, clock)) {
            report = new PhoneTransfer(oldPhone, newPhone, newDevice.serial(), clock, workers)
                    .run(repository, types, backupProgress, new RestoreProgressPrinter(out, json, false, clock));
            locked.lock().checkStillHeld();
        } catch (PhoneLostException e) {
            throw new UserFacingException(ExitCode.FATAL, e.getMessage(), e);
        } finally {
            workers.shutdownNow();
        }
        return finish(report, out);
    }

    private int finish(TransferReport report, PrintWriter out) {
        PhoneBackupReport backup = report.backup();
        if (json) {
            var root = ReportJson.toJson(backup).put("message_type", "summary");
            var transfer = root.putObject("transfer");
            report.restore().ifPresent(r -> transfer.set("restore", RestoreReportPrinter.toJson(r)));
            report.check().ifPresent(c -> transfer.set("check", RestoreReportPrinter.toJson(c)));
            transfer.put("verified", report.verified());
            out.println(root);
        } else {
            out.printf("%n1. Backup of the old phone%n");
            ReportPrinter.print(backup, out);
            report.restore().ifPresent(restore -> {
                out.printf("%n2. Restore onto the new phone%n");
                RestoreReportPrinter.print(restore, out);
            });
            report.check().ifPresent(check -> printCheck(check, out));
        }
        out.flush();
        if (backup.outcome() == PhoneBackupReport.Outcome.PHONE_LOST) {
            throw new UserFacingException(
                    ExitCode.FATAL,
                    "the old phone disconnected during the backup; reconnect it and run transfer again: what was"
                            + " stored is not transferred again");
        }
        if (report.restore()
                .map(r -> r.outcome() == PhoneRestoreReport.Outcome.PHONE_LOST)
                .orElse(false)) {
            throw new UserFacingException(
                    ExitCode.FATAL,
                    "the new phone disconnected during the restore; reconnect it and run transfer again: what is"
                            + " already on it is skipped");
        }
        boolean failures = backup.hasFailures()
                || report.restore()
                        .map(r -> r.outcome() != PhoneRestoreReport.Outcome.COMPLETE)
                        .orElse(true);
        if (!json) {
            out.printf(
                    "%n%s%n",
                    report.verified() && !failures
                            ? "Done: the new phone has everything from the old one that it can take over adb."
                            : "Not complete: items are missing on the new phone (listed above); run transfer again.");
            out.flush();
        }
        return report.verified() && !failures ? ExitCode.SUCCESS.code() : ExitCode.INCOMPLETE.code();
    }

    private static void printCheck(PhoneRestoreReport check, PrintWriter out) {
        out.printf(
                "%n3. Check of the new phone against snapshot %s%n", RestoreReportPrinter.shortId(check.snapshotId()));
        long missing =
                check.types().stream().mapToLong(t -> t.restored().size()).sum();
        if (missing == 0) {
            out.printf("Every item of the snapshot that this phone can take is on it.%n");
            return;
        }
        out.printf("%d item(s) of the snapshot are still not on the new phone:%n", missing);
        check.types().forEach(type -> type.restored().stream()
                .limit(20)
                .forEach(item -> out.printf("  ✗ %s: %s%n", type.type().folder(), item)));
    }
}
