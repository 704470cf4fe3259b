package org.lifeboat.backup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lifeboat.android.collect.TypeReport;
import org.lifeboat.repository.archiver.BackupSummary;

/**
 * How a phone backup went: one row per data type, the snapshot written and what it transferred.
 *
 * @param hostname the snapshot host naming the physical phone
 * @param snapshotId empty for a dry run, or when the phone was lost before anything was stored
 * @param parentId the snapshot whose unchanged files were reused
 * @param summary what the repository gained; empty for a dry run
 * @param bytesTransferred file bytes read from the phone; unchanged files cost nothing
 */
public record PhoneBackupReport(
        String hostname,
        String model,
        int sdk,
        Instant time,
        Outcome outcome,
        boolean dryRun,
        Optional<String> snapshotId,
        Optional<String> parentId,
        List<TypeReport> types,
        Optional<BackupSummary> summary,
        long bytesTransferred) {

    public PhoneBackupReport {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(outcome, "outcome");
        types = List.copyOf(types);
    }

    /** How complete the backup is; decides the exit code. */
    public enum Outcome {
        /** Everything reachable was saved (exit 0). */
        COMPLETE,
        /** Some reachable items failed; they are listed (exit 3). */
        INCOMPLETE,
        /** The phone went away mid-backup; what was read is stored in a snapshot tagged incomplete (exit 1). */
        PHONE_LOST
    }

    /** The same report once the snapshot is written. */
    public PhoneBackupReport committed(String id, BackupSummary newSummary) {
        return new PhoneBackupReport(
                hostname,
                model,
                sdk,
                time,
                outcome,
                dryRun,
                Optional.of(id),
                parentId,
                types,
                Optional.of(newSummary),
                bytesTransferred);
    }

    /** Whether some reachable item was not saved. */
    public boolean hasFailures() {
        return types.stream().anyMatch(TypeReport::hasFailures);
    }
}
