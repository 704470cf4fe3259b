package org.lifeboat.cli.repo;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.lock.Locker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lifeboat unlock}: removes stale locks (older than 30 minutes, or from a dead process on this host). */
@Command(
        name = "unlock",
        description = "Remove stale locks left by crashed or killed processes.",
        mixinStandardHelpOptions = true)
public final class UnlockCommand implements Callable<Integer> {
    @Mixin
    RepositoryOptions repositoryOptions;

    @Option(names = "--remove-all", description = "Remove all locks, even those of running processes.")
    boolean removeAll;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (Repository repository = repositoryOptions.open()) {
            Locker locker = repositoryOptions.locker(repository);
            int removed = removeAll ? locker.removeAllLocks() : locker.removeStaleLocks();
            spec.commandLine().getOut().printf("removed %d %slock(s)%n", removed, removeAll ? "" : "stale ");
        }
        return 0;
    }
}
