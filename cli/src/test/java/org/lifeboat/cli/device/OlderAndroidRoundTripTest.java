package org.lifeboat.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneSnapshots;
import org.lifeboat.backup.restore.PhoneSnapshot;
import org.lifeboat.cli.CliRunner;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;

/**
 * The round trip of {@link PhoneRestoreAndVerifyTest} on Android 8 and 11: the demo phone backed up, restored onto a
 * blank phone of another model with the same Android version, backed up again, and the snapshots compared. What adb
 * cannot write there is reported with its reason instead: MMS attachments before API 30 ({@code content write}), and
 * calls before API 33, which come from a call log backed up on an Android 14 phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OlderAndroidRoundTripTest {
    private static final String PASSWORD = "older-android";
    private static final Map<String, String> CHANGED_SETTINGS = Map.of("system/font_scale", "1.15");

    @TempDir
    static Path dir;

    private Path repository;
    private CliRunner lifeboat;
    private String callsHost;

    @BeforeAll
    void backUpTheCallsOfAnAndroid14Phone() throws IOException {
        repository = dir.resolve("repository");
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        lifeboat = new CliRunner(CliRunner.withoutAdbServer(repository, passwordFile, unusedPort()));
        assertThat(lifeboat.run("init").exitCode()).isZero();
        try (VirtualPhone android14 = VirtualPhone.start(
                VirtualPhoneConfig.of("demo", dir.resolve("android14")).withSerial("LBCALLS34"))) {
            TestPhone.backUp(android14, repository, PASSWORD, onlyCalls());
            callsHost = PhoneSnapshots.hostname("Pixel 7", "LBCALLS34");
        }
    }

    @ParameterizedTest(name = "API {0}")
    @ValueSource(ints = {26, 30})
    void restoreOntoABlankPhoneOfAnotherModelGivesTheSameBackupAndNamesWhatAdbCannotWrite(int api) throws IOException {
        try (VirtualPhone demo = VirtualPhone.start(VirtualPhoneConfig.of("demo", dir.resolve("demo" + api))
                        .withSerial("LBDEMO" + api)
                        .withApiLevel(api));
                VirtualPhone blank = VirtualPhone.start(VirtualPhoneConfig.of("blank", dir.resolve("blank" + api))
                        .withSerial("LBBLANK" + api)
                        .withModel("Galaxy A52")
                        .withApiLevel(api))) {
            TestPhone.shell(demo, "settings put system font_scale 1.15");
            TestPhone.backUp(demo, repository, PASSWORD, PhoneBackupOptions.everything());
            String demoHost = PhoneSnapshots.hostname("Pixel 7", "LBDEMO" + api);

            CliRunner.Result restore =
                    lifeboat.run("restore", "latest", "--host", demoHost, "--device", blank.serial());

            assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
            TestPhone.backUp(blank, repository, PASSWORD, PhoneBackupOptions.everything());
            SnapshotSummary original = summary(demoHost);
            SnapshotSummary copy = summary(PhoneSnapshots.hostname("Galaxy A52", "LBBLANK" + api));
            assertThat(copy.files()).containsAllEntriesOf(original.files());
            assertThat(copy.contacts()).isEqualTo(original.contacts());
            assertThat(copy.sms()).isEqualTo(original.sms());
            assertThat(copy.events()).isEqualTo(original.events());
            assertThat(copy.apps()).isEqualTo(original.apps());
            assertThat(copy.settings()).isEqualTo(original.settings()).containsAllEntriesOf(CHANGED_SETTINGS);
            if (api < 30) {
                // Every demo MMS carries a picture.
                assertThat(original.mms()).isNotEmpty();
                assertThat(copy.mms()).isEmpty();
                assertThat(restore.out())
                        .contains("attachments are written with 'content write', which arrived in Android 11;"
                                + " this phone runs API " + api);
            } else {
                assertThat(copy.mms()).isEqualTo(original.mms());
            }

            CliRunner.Result again = lifeboat.run("restore", "latest", "--host", demoHost, "--device", blank.serial());
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("Nothing changed: the phone already has everything in this snapshot.");

            CliRunner.Result calls = lifeboat.run(
                    "restore", "latest", "--host", callsHost, "--device", blank.serial(), "--only", "calls");
            assertThat(calls.exitCode()).as(calls.out() + calls.err()).isZero();
            assertThat(calls.out())
                    .contains("Not restorable onto this phone")
                    .contains("Android before 13 does not let the adb shell write the call log (this phone runs API "
                            + api + ")");
        }
    }

    private static PhoneBackupOptions onlyCalls() {
        return new PhoneBackupOptions(EnumSet.of(DataType.CALLS), List.of(), List.of(), false, 4);
    }

    private SnapshotSummary summary(String host) throws IOException {
        try (Repository opened =
                Repository.open(new LocalBackend(repository), Password.of(PASSWORD), RepositorySettings.defaults())) {
            SavedSnapshot latest = PhoneSnapshots.of(opened, host).getLast();
            return SnapshotSummary.of(new PhoneSnapshot(opened, latest), CHANGED_SETTINGS.keySet());
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
