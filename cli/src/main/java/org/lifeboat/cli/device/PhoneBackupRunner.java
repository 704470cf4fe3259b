package org.lifeboat.cli.device;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
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
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.index.IndexRecoveryReport;
import org.lifeboat.repository.lock.Locked;

/**
 * Runs one phone backup for a command and turns its outcome into output and an exit code: 0 when everything
 * reachable was saved, 3 when something reachable failed, 1 when the phone went away.
 */
final class PhoneBackupRunner {
    private static final Duration INVENTORY_END_WAIT = Duration.ofSeconds(30);

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
        Thread inventoryThread = null;
        try (Phone phone = Phone.open(device);
                PhoneProgress progress = new PhoneProgress(style, out, clock)) {
            PhoneBackup backup = new PhoneBackup(phone, clock, workers, progress);
            if (options.dryRun()) {
                return backup.preview(options);
            }
            // The inventory mostly waits on the phone, while opening the repository (the key derivation, the lock's
            // settling) only uses this computer: both at once. A password prompt comes first, so that the
            // inventory's progress lines do not run through it.
            Password password = repositoryOptions.password();
            FutureTask<PhoneBackup.Inventory> inventory = new FutureTask<>(() -> backup.inventory(options));
            inventoryThread =
                    Thread.ofPlatform().daemon().name("phone-inventory").start(inventory);
            try (Repository repository = repositoryOptions.open(password);
                    Locked<IndexRecoveryReport> locked = repositoryOptions.lockShared(
                            repository, () -> RecoveredIndexWarning.loadIndex(repository, err))) {
                PhoneBackupReport report = backup.run(repository, await(inventory));
                locked.lock().checkStillHeld();
                return report;
            }
        } catch (PhoneLostException e) {
            throw new UserFacingException(ExitCode.FATAL, e.getMessage(), e);
        } finally {
            workers.shutdownNow();
            if (inventoryThread != null) {
                awaitEnd(inventoryThread);
            }
        }
    }

    private static PhoneBackup.Inventory await(FutureTask<PhoneBackup.Inventory> inventory) throws IOException {
        try {
            return inventory.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while taking the phone's inventory");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException unchecked -> throw unchecked;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Lets an inventory that the backup did not wait for (the repository failed to open) end before the command does:
     * the phone's sessions are closed by then, so it stops at its next read.
     */
    private static void awaitEnd(Thread inventory) {
        try {
            // Its outcome no longer matters: the command has used it, or failed for another reason.
            inventory.join(INVENTORY_END_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
