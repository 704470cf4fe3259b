package org.lifeboat.cli.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.lifeboat.adb.client.Device;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.backup.PhoneBackup;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.backup.PhoneLostException;
import org.lifeboat.backup.ReportJson;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.cli.Workers;
import org.lifeboat.cli.repo.RecoveredIndexWarning;
import org.lifeboat.cli.repo.RepositoryOptions;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.lock.RepositoryLock;

/**
 * Runs one phone backup for a command and turns its outcome into output and an exit code: 0 when everything
 * reachable was saved, 3 when something reachable failed, 1 when the phone went away.
 */
final class PhoneBackupRunner {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final Clock clock;

    PhoneBackupRunner(PrintWriter out, PrintWriter err, boolean json, Clock clock) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.clock = clock;
    }

    /** Backs {@code device} up into the repository of {@code repositoryOptions}; the dry run needs no repository. */
    PhoneBackupReport run(Device device, RepositoryOptions repositoryOptions, PhoneBackupOptions options)
            throws IOException {
        ExecutorService workers = Workers.forCpuWork("phone-backup-worker");
        PhoneProgress.Style style = PhoneProgress.Style.forOutput(json);
        try (Phone phone = Phone.open(device);
                PhoneProgress progress = new PhoneProgress(style, out, clock)) {
            PhoneBackup backup = new PhoneBackup(phone, clock, workers, progress);
            if (options.dryRun()) {
                return backup.preview(options);
            }
            try (Repository repository = repositoryOptions.open();
                    RepositoryLock lock = repositoryOptions.lockShared(repository)) {
                RecoveredIndexWarning.loadIndex(repository, err);
                PhoneBackupReport report = backup.run(repository, options);
                lock.checkStillHeld();
                return report;
            }
        } catch (PhoneLostException e) {
            throw new UserFacingException(ExitCode.FATAL, e.getMessage(), e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Prints the report and returns the exit code, or throws for outcomes that are errors. */
    int finish(PhoneBackupReport report) {
        if (json) {
            out.println(ReportJson.toJson(report).put("message_type", "summary").toString());
            out.flush();
        } else {
            ReportPrinter.print(report, out);
        }
        return switch (report.outcome()) {
            case COMPLETE -> ExitCode.SUCCESS.code();
            case INCOMPLETE -> {
                if (!json) {
                    out.println("Some items that could be saved were not (marked ✗ above); run the backup again.");
                    out.flush();
                }
                yield ExitCode.INCOMPLETE.code();
            }
            case PHONE_LOST ->
                throw new UserFacingException(
                        ExitCode.FATAL,
                        "the phone disconnected during the backup; what was read is stored in snapshot "
                                + report.snapshotId()
                                        .map(id -> id.substring(0, 8))
                                        .orElse("(none)")
                                + " tagged 'incomplete'. Reconnect the phone and run the backup again: files already"
                                + " stored are not transferred again");
        };
    }
}
