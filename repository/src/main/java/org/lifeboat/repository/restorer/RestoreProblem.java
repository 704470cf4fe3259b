package org.lifeboat.repository.restorer;

import java.util.Objects;
import org.lifeboat.repository.walker.SnapshotPath;

/** An item that was not restored, or not restored exactly, and why. */
public record RestoreProblem(SnapshotPath path, String reason) {
    public RestoreProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
