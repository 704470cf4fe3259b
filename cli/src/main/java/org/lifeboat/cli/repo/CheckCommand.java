package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.cli.Workers;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.checker.CheckProblem;
import org.lifeboat.repository.checker.CheckReport;
import org.lifeboat.repository.checker.Checker;
import org.lifeboat.repository.index.MasterIndex;
import org.lifeboat.repository.lock.Locked;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code lifeboat check}: verifies the repository like restic does and names every damaged pack, blob and file.
 * Exits 1 if anything is wrong.
 */
@Command(
        name = "check",
        description = "Check the repository for errors; with --read-data, also decrypt and verify every blob.",
        mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
    @Mixin
    RepositoryOptions repositoryOptions;

    @Mixin
    NoLockOption noLock;

    @ArgGroup(exclusive = true)
    DataOptions data = new DataOptions();

    @Spec
    CommandSpec spec;

    static final class DataOptions {
        @Option(names = "--read-data", description = "Read and verify all data blobs.")
        boolean readAll;

        @Option(
                names = "--read-data-subset",
                paramLabel = "N%",
                converter = PercentConverter.class,
                description = "Read and verify a random N% of the packs.")
        Double subset;
    }

    static final class PercentConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String number = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
            try {
                double percent = Double.parseDouble(number);
                if (percent > 0 && percent <= 100) {
                    return percent / 100;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("expected a percentage in (0, 100] such as 10%, got '" + value + "'");
        }
    }

    @Override
    @SuppressWarnings("try") // the lock is held for the duration of the block
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (Repository repository = repositoryOptions.open();
                Locked<List<CorruptFileException>> locked =
                        noLock.lockExclusive(repositoryOptions, repository, repository::loadIndexSkippingDamaged)) {
            out.println("using repository " + repository.backend().location());
            out.println("checking index and packs"
                    + (dataCheck() instanceof Checker.DataCheck.None ? "" : ", reading pack data") + "...");
            CheckReport report;
            ExecutorService workers = Workers.forCpuWork("check-worker");
            try {
                report = new Checker(repository, workers).check(dataCheck(), locked.prepared());
            } finally {
                workers.shutdownNow();
            }
            for (CheckProblem problem : report.problems()) {
                out.println(problem);
            }
            out.println("checking snapshots and trees...");
            MasterIndex index = repository.index();
            Set<BlobHandle> damaged = report.damagedBlobs();
            List<String> damage =
                    new SnapshotBlobs(repository).findDamage(blob -> damaged.contains(blob) || !index.has(blob));
            damage.forEach(line -> out.println("error: " + line));
            out.printf(
                    "%d packs checked, %d read, %d blobs verified%n",
                    report.packsChecked(), report.packsRead(), report.blobsRead());
            if (report.errors().stream().anyMatch(e -> e.file().orElse("").startsWith("index/"))) {
                out.println("hint: to rebuild the index from the pack headers, " + RecoveredIndexWarning.REPAIR_HINT);
            }
            if (report.hasErrors() || !damage.isEmpty()) {
                out.flush();
                throw new UserFacingException(ExitCode.FATAL, "the repository contains errors (listed above)");
            }
            out.println("no errors were found");
        }
        return 0;
    }

    private Checker.DataCheck dataCheck() {
        if (data.readAll) {
            return new Checker.DataCheck.All();
        }
        if (data.subset != null) {
            return new Checker.DataCheck.Subset(data.subset, new SecureRandom());
        }
        return new Checker.DataCheck.None();
    }
}
