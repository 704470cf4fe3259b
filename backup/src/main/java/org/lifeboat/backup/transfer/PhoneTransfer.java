package org.lifeboat.backup.transfer;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.android.restore.TargetPhone;
import org.lifeboat.backup.BackupProgress;
import org.lifeboat.backup.PhoneBackup;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.backup.restore.PhoneRestore;
import org.lifeboat.backup.restore.PhoneRestoreOptions;
import org.lifeboat.backup.restore.PhoneRestoreProgress;
import org.lifeboat.backup.restore.PhoneRestoreReport;
import org.lifeboat.backup.restore.PhoneSnapshot;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.filter.PathFilter;
import org.lifeboat.repository.snapshot.SnapshotStore;

/**
 * The new-phone case in one job: back up the old phone (incrementally, as any backup), restore that snapshot onto
 * the new phone, then check the new phone against the snapshot. The check is the restore's own plan run again: every
 * restorer compares the phone with the backup item by item, so an empty plan means every item arrived.
 */
public final class PhoneTransfer {
    private static final int PARALLEL_READS = 4;

    private final Phone from;
    private final TargetPhone to;
    private final String toSerial;
    private final Clock clock;
    private final Executor workers;

    /** @param workers hash, compress and encrypt the backup's blobs */
    public PhoneTransfer(Phone from, TargetPhone to, String toSerial, Clock clock, Executor workers) {
        this.from = from;
        this.to = to;
        this.toSerial = toSerial;
        this.clock = clock;
        this.workers = workers;
    }

    public TransferReport run(
            Repository repository,
            Set<DataType> types,
            BackupProgress backupProgress,
            PhoneRestoreProgress restoreProgress)
            throws IOException {
        PhoneBackupReport backup = new PhoneBackup(from, clock, workers, backupProgress)
                .run(repository, new PhoneBackupOptions(types, List.of(), List.of(), false, PARALLEL_READS));
        if (backup.outcome() == PhoneBackupReport.Outcome.PHONE_LOST
                || backup.snapshotId().isEmpty()) {
            return new TransferReport(backup, Optional.empty(), Optional.empty());
        }
        PhoneSnapshot snapshot = new PhoneSnapshot(
                repository,
                new SnapshotStore(repository).load(Id.parse(backup.snapshotId().get())));
        PhoneRestoreReport restore = new PhoneRestore(to, toSerial, snapshot, restoreProgress)
                .run(new PhoneRestoreOptions(types, PathFilter.NONE, false));
        if (restore.outcome() == PhoneRestoreReport.Outcome.PHONE_LOST) {
            return new TransferReport(backup, Optional.of(restore), Optional.empty());
        }
        PhoneRestoreReport check = new PhoneRestore(to, toSerial, snapshot, PhoneRestoreProgress.NONE)
                .run(new PhoneRestoreOptions(types, PathFilter.NONE, true));
        return new TransferReport(backup, Optional.of(restore), Optional.of(check));
    }
}
