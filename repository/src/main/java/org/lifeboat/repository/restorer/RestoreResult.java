package org.lifeboat.repository.restorer;

import java.util.List;

/**
 * What a restore did.
 *
 * @param failures items that could not be restored (damaged or missing data, unsafe names, I/O errors); a file listed
 *     here was not left behind half-written
 * @param warnings items restored with less than full fidelity (for example owner or times not settable)
 */
public record RestoreResult(
        long filesRestored, long bytesRestored, List<RestoreProblem> failures, List<RestoreProblem> warnings) {
    public RestoreResult {
        failures = List.copyOf(failures);
        warnings = List.copyOf(warnings);
    }

    public boolean isComplete() {
        return failures.isEmpty();
    }
}
