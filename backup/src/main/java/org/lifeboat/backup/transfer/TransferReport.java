package org.lifeboat.backup.transfer;

import java.util.Objects;
import java.util.Optional;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.backup.restore.PhoneRestoreReport;

/**
 * A transfer from an old phone to a new one: the backup of the old phone, the restore onto the new one, and the check
 * of the new phone against the snapshot (a second restore plan, which must find nothing left to do).
 *
 * @param restore empty when the backup did not get as far as a snapshot
 * @param check empty when the restore was cut short
 */
public record TransferReport(
        PhoneBackupReport backup, Optional<PhoneRestoreReport> restore, Optional<PhoneRestoreReport> check) {

    public TransferReport {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(restore, "restore");
        Objects.requireNonNull(check, "check");
    }

    /** The new phone holds everything of the snapshot that it can take. */
    public boolean verified() {
        return check.isPresent()
                && check.get().changedNothing()
                && check.get().outcome() == PhoneRestoreReport.Outcome.COMPLETE;
    }
}
