package org.lifeboat.repository.checker;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.Id;

/**
 * Everything {@link Checker} found. {@link #damagedBlobs()} lets the CLI walk snapshot trees and name the files that
 * use a damaged or missing blob.
 */
public record CheckReport(List<CheckProblem> problems, int packsChecked, int packsRead, long blobsRead) {
    public CheckReport {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == CheckProblem.Severity.ERROR);
    }

    public List<CheckProblem> errors() {
        return problems.stream()
                .filter(p -> p.severity() == CheckProblem.Severity.ERROR)
                .toList();
    }

    public List<CheckProblem> warnings() {
        return problems.stream()
                .filter(p -> p.severity() == CheckProblem.Severity.WARNING)
                .toList();
    }

    /** Packs with at least one error. */
    public Set<Id> damagedPacks() {
        Set<Id> packs = new LinkedHashSet<>();
        for (CheckProblem problem : errors()) {
            problem.packId().ifPresent(packs::add);
        }
        return packs;
    }

    /** Blobs that are damaged, or that the index lists in a pack that is missing or unreadable. */
    public Set<BlobHandle> damagedBlobs() {
        Set<BlobHandle> blobs = new LinkedHashSet<>();
        for (CheckProblem problem : errors()) {
            problem.blob().ifPresent(blobs::add);
        }
        return blobs;
    }
}
