package org.lifeboat.cli.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lifeboat.adb.client.Device;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.cli.ExitCode;
import org.lifeboat.cli.UserFacingException;
import org.lifeboat.cli.repo.RepositoryOptions;
import picocli.CommandLine.Option;

/**
 * The phone form of {@code lifeboat backup} (no PATH given): which phone, which types, which files. Mixed into the
 * backup command so that both forms are one command with one {@code --help}.
 */
public final class PhoneBackupMixin {
    @Option(
            names = "--device",
            paramLabel = "SERIAL",
            description = "Phone form: the phone to back up (see 'lifeboat devices'); HOST:PORT works without an adb"
                    + " server. May be left out when one phone is attached.")
    String device;

    @Option(
            names = "--only",
            paramLabel = "TYPES",
            split = ",",
            description = "Phone form: back up only these types: files, contacts, messages, calls, calendar, apps,"
                    + " settings, wifi (default: all).")
    List<String> only = new ArrayList<>();

    @Option(names = "--skip", paramLabel = "TYPES", split = ",", description = "Phone form: leave these types out.")
    List<String> skip = new ArrayList<>();

    @Option(
            names = "--include",
            paramLabel = "GLOB",
            description = "Phone form: save only phone files matching GLOB, e.g. '/files/DCIM/**' (repeatable).")
    List<String> includes = new ArrayList<>();

    @Option(
            names = "--dry-run",
            description = "Phone form: list what would be saved, per type, with counts and sizes; write nothing.")
    boolean dryRun;

    /** Backs up a phone; {@code excludes} and {@code json} are the options the two forms share. */
    public int backup(
            RepositoryOptions repositoryOptions, List<String> excludes, boolean json, PrintWriter out, PrintWriter err)
            throws IOException {
        PhoneBackupOptions options;
        try {
            options = new PhoneBackupOptions(
                    PhoneBackupOptions.select(types(only), types(skip)), includes, excludes, dryRun, 4);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(ExitCode.USAGE, e.getMessage(), e);
        }
        Device phone =
                new PhoneConnector(repositoryOptions.environment().variables()).connect(Optional.ofNullable(device));
        try (phone) {
            PhoneBackupRunner runner = new PhoneBackupRunner(out, err, json, Clock.systemDefaultZone());
            return runner.finish(runner.run(phone, repositoryOptions, options));
        }
    }

    private static List<DataType> types(List<String> names) {
        return names.stream().map(DataType::parse).toList();
    }
}
