package org.lifeboat.repository.repair;

import java.util.List;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.index.PackScan;

/**
 * What {@link IndexRepair} did.
 *
 * @param damagedIndexFiles the index files that could not be read, now deleted
 * @param packs what reading pack headers found; its missing and incomplete packs were dropped from the index
 * @param writtenIndexFiles the new index files (none when the index needed no repair)
 * @param deletedIndexFiles the old index files the new ones replace, damaged ones included
 * @param packsIndexed how many packs the index lists now
 */
public record IndexRepairReport(
        List<CorruptFileException> damagedIndexFiles,
        PackScan packs,
        List<Id> writtenIndexFiles,
        List<Id> deletedIndexFiles,
        int packsIndexed) {
    public IndexRepairReport {
        damagedIndexFiles = List.copyOf(damagedIndexFiles);
        writtenIndexFiles = List.copyOf(writtenIndexFiles);
        deletedIndexFiles = List.copyOf(deletedIndexFiles);
    }

    /** Whether every pack's header could be read, so that the index now describes every pack. */
    public boolean isComplete() {
        return packs.unreadable().isEmpty();
    }
}
