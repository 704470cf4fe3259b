package org.lifeboat.repository.archiver;

import java.nio.file.Path;
import java.util.Objects;

/** A file or directory that could not be read and is therefore missing from the snapshot. */
public record BackupError(Path path, String reason) {
    public BackupError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
