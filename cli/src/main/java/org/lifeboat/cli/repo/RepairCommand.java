package org.lifeboat.cli.repo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.CorruptPackException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.index.PackScan;
import org.lifeboat.repository.lock.RepositoryLock;
import org.lifeboat.repository.repair.IndexRepair;
import org.lifeboat.repository.repair.IndexRepairReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lifeboat repair index}: restic 0.16's name for 0.14's {@code rebuild-index}. */
@Command(
        name = "repair",
        description = "Repair the repository.",
        mixinStandardHelpOptions = true,
        subcommands = {RepairCommand.Index.class})
public final class RepairCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "index",
            description = "Rebuild the index from the readable index files and the pack headers; remove damaged index"
                    + " files and entries for packs that are gone.")
    static final class Index implements Callable<Integer> {
        @Mixin
        RepositoryOptions repositoryOptions;

        @Option(names = "--read-all-packs", description = "Read every pack header, not only those no index describes.")
        boolean readAllPacks;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            IndexRepairReport report;
            try (Repository repository = repositoryOptions.open();
                    RepositoryLock lock = repositoryOptions.lockExclusive(repository)) {
                out.println("loading index files and reading pack headers...");
                report = new IndexRepair(repository).repair(readAllPacks, lock);
            }
            print(report, out);
            if (!report.isComplete()) {
                throw new UserFacingException(
                        ExitCode.FATAL,
                        report.packs().unreadable().size()
                                + " pack(s) could not be read (listed above); the blobs they hold are not in the"
                                + " index");
            }
            return 0;
        }

        private static void print(IndexRepairReport report, PrintWriter out) {
            for (CorruptFileException damaged : report.damagedIndexFiles()) {
                out.println("removed damaged " + damaged.file() + " (" + damaged.reason() + ")");
            }
            PackScan packs = report.packs();
            if (!packs.recovered().isEmpty()) {
                out.printf(
                        "read %d blob(s) of %d pack(s) from the pack headers%n",
                        packs.recoveredBlobCount(), packs.recovered().size());
            }
            for (Id missing : packs.missing()) {
                out.println("dropped the index entries of pack " + missing + ": the pack no longer exists");
            }
            for (CorruptPackException unreadable : packs.unreadable()) {
                out.println("error: " + unreadable.getMessage());
            }
            if (report.writtenIndexFiles().isEmpty()) {
                out.println("the index lists every readable pack; nothing to repair");
            } else {
                out.printf(
                        "wrote %d index file(s) listing %d pack(s), removed %d old index file(s)%n",
                        report.writtenIndexFiles().size(),
                        report.packsIndexed(),
                        report.deletedIndexFiles().size());
            }
            out.flush();
        }
    }
}
