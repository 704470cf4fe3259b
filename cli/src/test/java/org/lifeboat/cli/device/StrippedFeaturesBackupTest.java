package org.lifeboat.cli.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifeboat.cli.device.PhoneBackupTest.assertFilesEqual;
import static org.lifeboat.cli.device.PhoneBackupTest.direct;
import static org.lifeboat.cli.device.PhoneBackupTest.type;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.android.collect.CollectedItem;
import org.lifeboat.android.collect.Collection;
import org.lifeboat.android.collect.Collectors;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.android.collect.TypeReport;
import org.lifeboat.backup.BackupProgress;
import org.lifeboat.backup.PhoneBackup;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.testkit.ExternalTools;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;
import org.lifeboat.virtualphone.device.VirtualDevice;
import org.lifeboat.virtualphone.profile.Profiles;

/**
 * Backs up the demo virtual phone with adbd features stripped, as older phones have them: without {@code shell_v2}
 * every exit status comes through the shell sentinel, and with sync v1 only sizes are 32-bit, so files over 4 GiB
 * get their sizes from {@code stat}.
 */
@RequiresTool("restic")
class StrippedFeaturesBackupTest {
    private static final String PASSWORD = "stripped features test";
    /** 5 GiB + 7: more than sync v1's 32-bit size field can carry (it would say 1 GiB + 7). */
    private static final long SPARSE_SIZE = 5L * 1024 * 1024 * 1024 + 7;

    @TempDir
    Path temp;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    /** The virtual phone's default features less some, and the API level of the phone that lacks them. */
    enum Stripped {
        SHELL_V1(26, AdbFeatures.SHELL_V2),
        SYNC_V1(34, AdbFeatures.STAT_V2, AdbFeatures.LS_V2, AdbFeatures.SENDRECV_V2);

        private final int api;
        private final Set<String> removed;

        Stripped(int api, String... removed) {
            this.api = api;
            this.removed = Set.of(removed);
        }

        AdbFeatures features() {
            Set<String> kept = new HashSet<>(VirtualDevice.DEFAULT_FEATURES);
            kept.removeAll(removed);
            return new AdbFeatures(kept);
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        workers.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Stripped.class)
    void backupIsCompleteAndFilesKeepTheirBytesAndMtimes(Stripped stripped) throws Exception {
        VirtualPhone phone = start(stripped.api, stripped.features());
        Path repository = initRepository();

        PhoneBackupReport report = backup(direct(phone), repository);

        Path restored = resticRestore(repository);
        assertThat(report.outcome()).isEqualTo(PhoneBackupReport.Outcome.COMPLETE);
        assertThat(report.types()).noneMatch(TypeReport::hasFailures);
        assertFilesEqual(Profiles.resolve("demo").sdcard(), restored.resolve("files"), stripped.api >= 30);
        boolean shellV2 = stripped != Stripped.SHELL_V1;
        assertThat(restored.resolve("lifeboat/device.json"))
                .content()
                .contains("\"ro.build.version.sdk\" : \"" + stripped.api)
                .contains("\"shellProtocol\" : " + shellV2)
                .contains("\"fileSizesFrom\" : \"" + (stripped == Stripped.SYNC_V1 ? "stat" : "sync") + "\"");
        assertThat(type(report, DataType.CONTACTS).saved()).isPositive();
        assertThat(type(report, DataType.MESSAGES).saved()).isPositive();
    }

    @Test
    void aFileOverFourGibibytesOnASyncV1PhoneGetsItsSizeFromStat() throws Exception {
        VirtualPhone phone = start(34, Stripped.SYNC_V1.features());
        phone.device().fileSystem().truncate("/sdcard/big.bin", SPARSE_SIZE);

        // The inventory and a dry run, which read no file contents: reading 5 GiB would only make the test slow.
        try (Device device = direct(phone);
                Phone opened = Phone.open(device)) {
            Collection files =
                    Collectors.forTypes(Set.of(DataType.FILES)).getFirst().collect(opened);
            assertThat(files.items())
                    .filteredOn(item -> item.path().equals(List.of("files", "big.bin")))
                    .singleElement()
                    .isInstanceOfSatisfying(CollectedItem.PhoneFile.class, file -> assertThat(file.size())
                            .isEqualTo(SPARSE_SIZE));
            assertThat(files.items())
                    .filteredOn(item -> item instanceof CollectedItem.PhoneFile)
                    .hasSizeGreaterThan(1);

            PhoneBackupReport preview = new PhoneBackup(opened, Clock.systemUTC(), workers, BackupProgress.NONE)
                    .preview(new PhoneBackupOptions(
                            PhoneBackupOptions.select(List.of(DataType.FILES), List.of()),
                            List.of(),
                            List.of(),
                            true,
                            2));
            assertThat(type(preview, DataType.FILES).bytes()).isGreaterThan(SPARSE_SIZE);
        }
    }

    private PhoneBackupReport backup(Device device, Path repository) throws IOException {
        try (device;
                Phone phone = Phone.open(device);
                Repository repo = Repository.open(
                        new LocalBackend(repository), Password.of(PASSWORD), RepositorySettings.defaults())) {
            return new PhoneBackup(phone, Clock.systemUTC(), workers, BackupProgress.NONE)
                    .run(repo, PhoneBackupOptions.everything());
        }
    }

    private VirtualPhone start(int api, AdbFeatures features) throws IOException {
        VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of("demo", temp.resolve("phone"))
                .withApiLevel(api)
                .withFeatures(features));
        open.add(phone);
        return phone;
    }

    private Path initRepository() throws IOException {
        return PhoneBackupTest.initRepository(temp.resolve("repository"), PASSWORD);
    }

    private Path resticRestore(Path repository) throws Exception {
        Path target = temp.resolve("restored");
        List<String> command = List.of(
                ExternalTools.path("restic").toString(),
                "-r",
                repository.toString(),
                "restore",
                "latest",
                "--target",
                target.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RESTIC_PASSWORD", PASSWORD);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return target;
    }
}
