package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.PrintWriter;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.CorruptPackException;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.index.IndexRecoveryReport;
import org.lifeboat.repository.index.PackScan;

/**
 * Loads the index and, when it had to be completed from pack headers, says so once on stderr: which index files are
 * damaged, what was recovered, and how to repair the repository for good.
 */
public final class RecoveredIndexWarning {
    static final String REPAIR_HINT = "run 'lifeboat repair index' (restic 0.14: 'restic rebuild-index')";

    private RecoveredIndexWarning() {}

    /** Loads the index; call after listing snapshots (restic's read order against concurrent backups). */
    public static IndexRecoveryReport loadIndex(Repository repository, PrintWriter err) throws IOException {
        IndexRecoveryReport report = repository.indexRecovery();
        if (report.isClean()) {
            return report;
        }
        for (CorruptFileException damaged : report.damagedIndexFiles()) {
            err.println("warning: " + damaged.getMessage());
        }
        PackScan packs = report.packs();
        if (!packs.recovered().isEmpty()) {
            err.printf(
                    "warning: %d pack(s) are listed by no readable index file; their %d blob(s) were read from the"
                            + " pack headers%s%n",
                    packs.recovered().size(),
                    packs.recoveredBlobCount(),
                    report.damagedIndexFiles().isEmpty()
                            ? " (an interrupted backup, or one running now, also leaves such packs)"
                            : "");
        }
        for (CorruptPackException unreadable : packs.unreadable()) {
            err.println("warning: " + unreadable.getMessage() + "; the blobs it holds are unknown");
        }
        err.println("warning: the index is incomplete; " + REPAIR_HINT);
        err.flush();
        return report;
    }
}
