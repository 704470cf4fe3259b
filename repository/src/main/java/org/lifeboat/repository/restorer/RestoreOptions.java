package org.lifeboat.repository.restorer;

import java.util.Objects;
import java.util.concurrent.Executor;
import org.lifeboat.repository.filter.PathFilter;

/**
 * What to restore and where the work runs.
 *
 * @param includes when not empty, only items matching one of these (and the directories leading to them)
 * @param excludes items matching one of these are skipped, with everything below them
 * @param workers loads packs and writes file contents, one pack per task
 */
public record RestoreOptions(PathFilter includes, PathFilter excludes, Executor workers) {
    public RestoreOptions {
        Objects.requireNonNull(includes, "includes");
        Objects.requireNonNull(excludes, "excludes");
        Objects.requireNonNull(workers, "workers");
    }
}
