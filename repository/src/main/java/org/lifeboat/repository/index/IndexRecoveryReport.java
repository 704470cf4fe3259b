package org.lifeboat.repository.index;

import java.util.List;
import org.lifeboat.repository.CorruptFileException;

/**
 * How complete the index was when it was loaded: which index files were damaged, and what had to be read from pack
 * headers instead.
 */
public record IndexRecoveryReport(List<CorruptFileException> damagedIndexFiles, PackScan packs) {
    public static final IndexRecoveryReport CLEAN = new IndexRecoveryReport(List.of(), PackScan.NOTHING);

    public IndexRecoveryReport {
        damagedIndexFiles = List.copyOf(damagedIndexFiles);
    }

    /**
     * Whether the index files alone were complete. Packs that no index lists are not always damage (a backup that
     * was interrupted, or runs right now, leaves some), but until an index lists them every load reads their headers.
     */
    public boolean isClean() {
        return damagedIndexFiles.isEmpty()
                && packs.recovered().isEmpty()
                && packs.unreadable().isEmpty();
    }
}
