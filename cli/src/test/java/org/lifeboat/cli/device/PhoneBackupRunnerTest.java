package org.lifeboat.cli.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.client.Device;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.cli.repo.CliEnvironment;
import org.lifeboat.cli.repo.RepositoryOptions;
import org.lifeboat.repository.WrongPasswordException;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;

/**
 * The phone's inventory runs while the repository opens: its result reaches the backup, and when the repository does
 * not open, the inventory ends before the command does.
 */
class PhoneBackupRunnerTest {
    private static final String PASSWORD = "runner test";

    @TempDir
    Path temp;

    @Test
    void theInventoryTakenWhileTheRepositoryOpensIsWhatGetsBackedUp() throws IOException {
        Path repository = PhoneBackupTest.initRepository(temp.resolve("repository"), PASSWORD);
        try (VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of("demo", temp.resolve("phone")));
                Device device = TestPhone.connect(phone)) {
            PhoneBackupReport report =
                    runner().run(device, options(repository, PASSWORD), PhoneBackupOptions.everything());

            assertThat(report.outcome()).isEqualTo(PhoneBackupReport.Outcome.COMPLETE);
            assertThat(report.snapshotId()).isPresent();
            assertThat(inventoryThreads()).isZero();
        }
    }

    @Test
    void aRepositoryThatDoesNotOpenLeavesNoInventoryRunning() throws IOException {
        Path repository = PhoneBackupTest.initRepository(temp.resolve("repository"), PASSWORD);
        try (VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of("demo", temp.resolve("phone")));
                Device device = TestPhone.connect(phone)) {
            assertThatThrownBy(() -> runner().run(
                                    device, options(repository, "not the password"), PhoneBackupOptions.everything()))
                    .isInstanceOf(WrongPasswordException.class);

            assertThat(inventoryThreads()).isZero();
        }
    }

    private static PhoneBackupRunner runner() {
        return new PhoneBackupRunner(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, Clock.systemUTC());
    }

    private static RepositoryOptions options(Path repository, String password) {
        return new RepositoryOptions()
                .withEnvironment(new CliEnvironment(
                        Map.of("LIFEBOAT_REPOSITORY", repository.toString(), "LIFEBOAT_PASSWORD", password),
                        Optional.empty(),
                        "Linux",
                        Path.of("/nonexistent-home")));
    }

    private static long inventoryThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("phone-inventory") && t.isAlive())
                .count();
    }
}
