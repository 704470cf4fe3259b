package org.lifeboat.cli.device;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DirectDeviceConnection;
import org.lifeboat.adb.client.ShellQuoting;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.cli.Sizes;
import org.lifeboat.cli.repo.CliEnvironment;
import org.lifeboat.cli.repo.RepositoryOptions;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.crypto.ScryptParams;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lifeboat demo}: backs up the built-in demo phone (a virtual phone started in this process and reached over
 * TCP, so neither a phone nor adb is needed) into {@code ./lifeboat-demo/repository}. Running it again is incremental.
 */
@Command(
        name = "demo",
        description = {
            "Back up a simulated demo phone into lifeboat-demo/ here: no phone and no adb needed.",
            "Run it twice to see an incremental backup."
        },
        mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "lifeboat-demo",
            description = "Where the demo keeps its phone, repository and password (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--json", description = "Print progress and the report as JSON lines.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(dir);
        Path repositoryPath = dir.resolve("repository");
        Path passwordFile = dir.resolve("password");
        boolean firstRun = !Files.exists(repositoryPath.resolve("config"));
        if (firstRun) {
            createRepository(repositoryPath, passwordFile, out);
        }
        RepositoryOptions repository = new RepositoryOptions()
                .withEnvironment(new CliEnvironment(
                        Map.of(
                                RepositoryOptions.REPOSITORY_VARIABLE, repositoryPath.toString(),
                                RepositoryOptions.PASSWORD_FILE_VARIABLE, passwordFile.toString()),
                        Optional.empty(),
                        System.getProperty("os.name", ""),
                        Path.of(System.getProperty("user.home", "."))));
        PhoneBackupRunner runner =
                new PhoneBackupRunner(out, spec.commandLine().getErr(), json, Clock.systemDefaultZone());
        PhoneBackupReport report;
        try (VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of("demo", dir.resolve("phone")));
                Device device = Device.of(DirectDeviceConnection.connect(
                        "127.0.0.1",
                        phone.port(),
                        new DirectDeviceConnection.Options(
                                Optional.empty(),
                                Duration.ofSeconds(10),
                                Duration.ofSeconds(10),
                                Thread.ofPlatform()
                                        .daemon()
                                        .name("demo-adb-", 0)
                                        .factory())))) {
            if (!json) {
                out.printf(
                        "Started the demo phone (%s) on %s.%n",
                        phone.profileSummary().oneLine(), phone.serial());
                out.flush();
            }
            report = runner.run(device, repository, PhoneBackupOptions.everything());
        }
        int exitCode = runner.finish(report);
        if (!json) {
            explain(report, repositoryPath, passwordFile, out);
        }
        return exitCode;
    }

    private static void createRepository(Path repositoryPath, Path passwordFile, PrintWriter out) throws IOException {
        String password = Files.exists(passwordFile)
                ? Files.readString(passwordFile, StandardCharsets.UTF_8).strip()
                : newPassword(passwordFile);
        ScryptParams params = ScryptParams.calibrate(Duration.ofMillis(500), System::nanoTime);
        try (Repository ignored = Repository.init(
                new LocalBackend(repositoryPath), Password.of(password), params, RepositorySettings.defaults())) {
            out.printf(
                    "Created the repository %s.%nIts password is: %s%n(shown once; it is saved in %s — keep it:"
                            + " without it the backup cannot be read)%n%n",
                    repositoryPath, password, passwordFile);
            out.flush();
        }
    }

    private static String newPassword(Path passwordFile) throws IOException {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 6 == 0) {
                password.append('-');
            }
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user profile's own permissions apply.
        }
        return password.toString();
    }

    private static void explain(PhoneBackupReport report, Path repository, Path passwordFile, PrintWriter out) {
        String options = "-r " + ShellQuoting.quoteIfNeeded(repository.toString()) + " --password-file "
                + ShellQuoting.quoteIfNeeded(passwordFile.toString());
        String lifeboat = invokedAs();
        if (report.parentId().isPresent()) {
            out.printf(
                    "%nThis was an incremental backup: %d unchanged files were not transferred again (%s read from"
                            + " the phone).%n",
                    report.summary().map(s -> s.filesUnmodified()).orElse(0L), Sizes.bytes(report.bytesTransferred()));
        }
        out.printf(
                "%nThe phone is now in %s:%n"
                        + "  photos    /files/DCIM/Camera, /files/Pictures/Screenshots%n"
                        + "  contacts  /contacts/contacts.vcf (vCard)%n"
                        + "  messages  /messages/sms-mms.xml (SMS Backup & Restore format)%n"
                        + "  calls     /calls/calls.xml, calendar /calendar/*.ics, apps /apps, report"
                        + " /lifeboat/report.json%n"
                        + "%nNext:%n"
                        + "  %s snapshots %s%n"
                        + "  %s ls latest /contacts %s%n"
                        + "  %s restore latest --target restored-phone %s%n"
                        + "  %s demo --dir %s        (again: incremental)%n",
                repository,
                lifeboat,
                options,
                lifeboat,
                options,
                lifeboat,
                options,
                lifeboat,
                ShellQuoting.quoteIfNeeded(
                        repository.getParent() == null
                                ? "."
                                : repository.getParent().toString()));
        out.flush();
    }

    /**
     * How the user started Lifeboat, so that the suggested commands can be pasted as they are: the launcher passes
     * {@code -Dlifeboat.command}, {@code ./lifeboat} or the path typed when run from a checkout, {@code lifeboat}
     * when the PATH found it; without the property (embedded use), {@code lifeboat}.
     */
    private static String invokedAs() {
        return ShellQuoting.quoteIfNeeded(System.getProperty("lifeboat.command", "lifeboat"));
    }
}
