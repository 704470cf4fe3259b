package org.lifeboat.cli.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.lifeboat.adb.client.Device;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.backup.restore.PhoneLoss;
import org.lifeboat.backup.verify.NoBackupException;
import org.lifeboat.backup.verify.PhoneVerify;
import org.lifeboat.backup.verify.VerifyOptions;
import org.lifeboat.backup.verify.VerifyReport;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.cli.Workers;
import org.lifeboat.cli.repo.NoLockOption;
import org.lifeboat.cli.repo.RecoveredIndexWarning;
import org.lifeboat.cli.repo.RepositoryOptions;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.index.IndexRecoveryReport;
import org.lifeboat.repository.lock.Locked;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lifeboat verify}: "is it safe to reset this phone?" Exit 0 only when everything reachable on the phone is in
 * a backup that reads back; 3 with the list of what is not; 1 when the backup is damaged, naming the files.
 */
@Command(
        name = "verify",
        description = {
            "Is it safe to reset this phone? Compares the phone with its latest backup, item by item, and proves the"
                    + " backup reads back.",
            "Exit 0: everything adb can reach is backed up. 3: items are missing (listed). 1: the backup is damaged."
        },
        mixinStandardHelpOptions = true)
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    RepositoryOptions repositoryOptions;

    @Mixin
    NoLockOption noLock;

    @Option(
            names = "--device",
            paramLabel = "SERIAL",
            description = "The phone to verify; may be left out when one phone is attached.")
    String device;

    @Option(
            names = "--deep",
            description = "Also compare file contents: SHA-256 on the phone against the backup's bytes (slower).")
    boolean deep;

    @Option(
            names = "--quick",
            description = "Only check that the backup's data exists, instead of decrypting and hash-checking it.")
    boolean quick;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        VerifyOptions options;
        try {
            options = new VerifyOptions(deep, quick);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.USAGE, e.getMessage(), e);
        }
        PhoneConnector connector =
                new PhoneConnector(repositoryOptions.environment().variables());
        ExecutorService workers = Workers.forCpuWork("verify-worker");
        VerifyReport report;
        try (Repository repository = repositoryOptions.open();
                Locked<IndexRecoveryReport> locked = noLock.lockShared(
                        repositoryOptions,
                        repository,
                        () -> RecoveredIndexWarning.loadIndex(
                                repository, spec.commandLine().getErr()));
                Device connected = connector.connect(Optional.ofNullable(device));
                Phone phone = Phone.open(connected)) {
            if (!json) {
                out.printf("Taking a fresh inventory of %s and reading its backup back…%n", connected.serial());
                out.flush();
            }
            report = new PhoneVerify(phone, repository, workers).run(options);
        } catch (NoBackupException e) {
            throw new UserFacingException(ExitCode.FATAL, e.getMessage(), e);
        } catch (IOException e) {
            if (PhoneLoss.isLoss(e)) {
                throw new UserFacingException(
                        ExitCode.FATAL,
                        "the phone disconnected during verify (" + e.getMessage() + "); reconnect it and run verify"
                                + " again",
                        e);
            }
            throw e;
        } finally {
            workers.shutdownNow();
        }
        if (json) {
            out.println(VerifyPrinter.toJson(report).put("message_type", "summary"));
            out.flush();
        } else {
            new VerifyPrinter(out, System.console() != null).print(report);
        }
        return switch (report.verdict()) {
            case SAFE -> ExitCode.SUCCESS.code();
            case NOT_BACKED_UP -> ExitCode.INCOMPLETE.code();
            case BACKUP_DAMAGED ->
                throw new UserFacingException(
                        ExitCode.FATAL,
                        "the backup is damaged: " + report.readback().damaged().size()
                                + " item(s) cannot be read back: "
                                + String.join(
                                        ", ",
                                        report.readback().damaged().stream()
                                                .map(d -> d.path())
                                                .limit(10)
                                                .toList()));
        };
    }
}
