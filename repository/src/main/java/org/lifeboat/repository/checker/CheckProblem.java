package org.lifeboat.repository.checker;

import java.util.Objects;
import java.util.Optional;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.Id;

/**
 * One finding of {@link Checker}.
 *
 * @param severity errors mean data is missing or damaged; warnings mean waste or oddities that prune cleans up
 * @param file the repository file concerned, such as {@code data/ab12…} or {@code index/cd34…}, if any
 * @param packId the damaged or inconsistent pack, if any
 * @param blob the damaged or missing blob, if any
 */
public record CheckProblem(
        Severity severity, Optional<String> file, Optional<Id> packId, Optional<BlobHandle> blob, String message) {
    public enum Severity {
        ERROR,
        WARNING
    }

    public CheckProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(message, "message");
    }

    static CheckProblem packError(Id packId, String message) {
        return new CheckProblem(
                Severity.ERROR, Optional.of("data/" + packId), Optional.of(packId), Optional.empty(), message);
    }

    static CheckProblem blobError(Id packId, BlobHandle blob, String message) {
        return new CheckProblem(
                Severity.ERROR, Optional.of("data/" + packId), Optional.of(packId), Optional.of(blob), message);
    }

    static CheckProblem fileError(String file, String message) {
        return new CheckProblem(Severity.ERROR, Optional.of(file), Optional.empty(), Optional.empty(), message);
    }

    static CheckProblem packWarning(Id packId, String message) {
        return new CheckProblem(
                Severity.WARNING, Optional.of("data/" + packId), Optional.of(packId), Optional.empty(), message);
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
