package org.lifeboat.backup.verify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to "is it safe to reset this phone?": the phone against the latest snapshot of it, type by type, and
 * whether that snapshot reads back.
 *
 * @param hostname the snapshot host naming the phone
 * @param snapshotId the snapshot compared with
 * @param deep files were compared by content hash as well as size and mtime
 */
public record VerifyReport(
        String hostname,
        String model,
        int sdk,
        String snapshotId,
        Instant snapshotTime,
        boolean deep,
        List<TypeCheck> types,
        Readback readback) {

    public VerifyReport {
        Objects.requireNonNull(hostname, "hostname");
        types = List.copyOf(types);
        Objects.requireNonNull(readback, "readback");
    }

    public enum Verdict {
        /** Everything adb can reach is in a snapshot that reads back (exit 0). */
        SAFE,
        /** Items on the phone are not in the backup; they are listed (exit 3). */
        NOT_BACKED_UP,
        /** The snapshot does not read back; the affected files are listed (exit 1). */
        BACKUP_DAMAGED
    }

    public Verdict verdict() {
        if (!readback.intact()) {
            return Verdict.BACKUP_DAMAGED;
        }
        return types.stream().allMatch(TypeCheck::safe) ? Verdict.SAFE : Verdict.NOT_BACKED_UP;
    }

    public long itemsNotInBackup() {
        return types.stream().mapToLong(t -> t.notInBackup().size()).sum();
    }
}
