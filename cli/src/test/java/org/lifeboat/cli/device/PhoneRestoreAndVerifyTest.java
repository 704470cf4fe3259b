package org.lifeboat.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.client.Device;
import org.lifeboat.backup.PhoneSnapshots;
import org.lifeboat.backup.restore.PhoneSnapshot;
import org.lifeboat.cli.CliRunner;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.index.PackedBlob;
import org.lifeboat.repository.snapshot.SavedSnapshot;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;
import org.lifeboat.virtualphone.profile.apk.ApkManifest;
import org.lifeboat.virtualphone.profile.apk.ApkWriter;

/**
 * {@code restore --device} and {@code verify} end to end: the demo phone is backed up, restored onto a blank phone
 * of another model over direct TCP, and the two phones' snapshots are compared; then verify has to notice what
 * changed since a backup, and a damaged pack. The steps build on each other, so they run in order on shared phones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneRestoreAndVerifyTest {
    private static final String PASSWORD = "restore-test";
    /** Allow-listed settings (docs/restore.md) changed on the demo phone before its backup. */
    private static final Map<String, String> CHANGED_SETTINGS =
            Map.of("system/font_scale", "1.3", "system/screen_off_timeout", "120000", "secure/ui_night_mode", "2");

    @TempDir
    static Path dir;

    private Path repository;
    private VirtualPhone demo;
    private VirtualPhone blank;
    private CliRunner lifeboat;

    @BeforeAll
    void backUpTheDemoPhone() throws IOException {
        repository = dir.resolve("repository");
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        lifeboat = new CliRunner(CliRunner.withoutAdbServer(repository, passwordFile, unusedPort()));
        assertThat(lifeboat.run("init").exitCode()).isZero();
        demo = VirtualPhone.start(VirtualPhoneConfig.of("demo", dir.resolve("demo"))
                .withSerial("LBTESTA1")
                .withApiLevel(34));
        blank = VirtualPhone.start(VirtualPhoneConfig.of("blank", dir.resolve("blank"))
                .withSerial("R5CTB2")
                .withModel("Galaxy S23"));
        for (Map.Entry<String, String> setting : CHANGED_SETTINGS.entrySet()) {
            String[] key = setting.getKey().split("/");
            TestPhone.shell(demo, "settings put " + key[0] + " " + key[1] + " " + setting.getValue());
        }
        TestPhone.backUp(demo, repository, PASSWORD);
    }

    @AfterAll
    void stopPhones() throws IOException {
        for (VirtualPhone phone : new VirtualPhone[] {demo, blank}) {
            if (phone != null) {
                phone.close();
            }
        }
    }

    @Test
    @Order(1)
    void restoreOntoABlankPhoneOfAnotherModelGivesTheSameBackup() throws IOException {
        CliRunner.Result restore = lifeboat.run("restore", "latest", "--host", demoHost(), "--device", blank.serial());

        assertThat(restore.out()).contains("Restored snapshot").contains("onto " + blank.serial());
        TestPhone.backUp(blank, repository, PASSWORD);
        SnapshotSummary original = summary(demoHost());
        SnapshotSummary copy = summary(PhoneSnapshots.hostname("Galaxy S23", "R5CTB2"));
        assertThat(copy.files()).containsAllEntriesOf(original.files());
        assertThat(copy.contacts()).isEqualTo(original.contacts());
        assertThat(copy.sms()).isEqualTo(original.sms());
        // Voicemail entries belong to the voicemail app; the restore reports them instead.
        assertThat(copy.calls())
                .isEqualTo(original.calls().stream()
                        .filter(call -> !call.contains("type=4 "))
                        .toList());
        assertThat(copy.apps()).isEqualTo(original.apps());
        assertThat(copy.settings()).isEqualTo(original.settings()).containsAllEntriesOf(CHANGED_SETTINGS);
        assertThat(copy.events()).isEqualTo(original.events());
        assertThat(copy.mms()).isEqualTo(original.mms());
        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
    }

    @Test
    @Order(2)
    void aSecondRestoreChangesNothingAndSaysSo() {
        CliRunner.Result again = lifeboat.run("restore", "latest", "--host", demoHost(), "--device", blank.serial());

        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Nothing changed: the phone already has everything in this snapshot.");
    }

    @Test
    @Order(5)
    void verifyNamesEveryChangeSinceTheBackupUntilTheNextBackup() throws IOException {
        CliRunner.Result before = lifeboat.run("verify", "--device", demo.serial());
        assertThat(before.exitCode()).as(before.out() + before.err()).isZero();
        assertThat(before.out()).contains("Safe to reset").contains("contact photos");

        TestPhone.shell(demo, "echo new-photo > /storage/emulated/0/DCIM/Camera/IMG_after_backup.jpg");
        TestPhone.shell(demo, "appops set com.android.shell WRITE_SMS allow");
        TestPhone.shell(
                demo,
                "content insert --uri content://sms --bind address:s:+491709999999 --bind body:s:'Are you there?'"
                        + " --bind type:i:1 --bind date:l:1717000000000");
        String phoneRow = TestPhone.shell(
                demo,
                "content query --uri content://com.android.contacts/data --projection _id --where"
                        + " \"mimetype='vnd.android.cursor.item/phone_v2'\"");
        String rowId = phoneRow.lines().findFirst().orElseThrow().replaceAll(".*_id=(\\d+).*", "$1");
        TestPhone.shell(
                demo,
                "content update --uri content://com.android.contacts/data --bind data1:s:+4930123456 --where _id="
                        + rowId);
        try (Device device = TestPhone.connect(demo)) {
            device.install(apk("org.example.newapp"), List.of());
        }

        CliRunner.Result after = lifeboat.run("verify", "--device", demo.serial());
        assertThat(after.exitCode()).as(after.out() + after.err()).isEqualTo(3);
        assertThat(after.out())
                .contains("/files/DCIM/Camera/IMG_after_backup.jpg (new since the backup)")
                .contains("SMS from +491709999999")
                .containsPattern("contact '[^']+' \\(new or changed since the backup\\)")
                .contains("app org.example.newapp")
                .contains("NOT safe to reset yet");

        TestPhone.backUp(demo, repository, PASSWORD);
        CliRunner.Result backedUp = lifeboat.run("verify", "--device", demo.serial(), "--deep");
        assertThat(backedUp.exitCode()).as(backedUp.out() + backedUp.err()).isZero();
    }

    @Test
    @Order(6)
    void aDamagedPackMakesVerifyFailNamingTheFilesWhileRestoreRestoresTheRest() throws IOException {
        String photo = "/files/DCIM/Camera/IMG_after_backup.jpg";
        flipAByteOf(photo);

        CliRunner.Result verify = lifeboat.run("verify", "--device", demo.serial(), "--json");
        assertThat(verify.exitCode()).isEqualTo(1);
        assertThat(verify.out()).contains("\"verdict\":\"backup_damaged\"").contains(photo);
        assertThat(verify.err()).contains("the backup is damaged").contains(photo);

        try (VirtualPhone fresh = VirtualPhone.start(VirtualPhoneConfig.of("blank", dir.resolve("fresh")))) {
            CliRunner.Result restore = lifeboat.run(
                    "restore", "latest", "--host", demoHost(), "--device", fresh.serial(), "--only", "files");
            assertThat(restore.exitCode()).as(restore.out() + restore.err()).isEqualTo(3);
            assertThat(restore.out()).contains("Failed:").contains(photo);
            assertThat(TestPhone.shell(fresh, "ls /storage/emulated/0/DCIM/Camera"))
                    .doesNotContain("IMG_after_backup.jpg")
                    .contains(".jpg");
        }
    }

    @Test
    @Order(4)
    void aPhoneLostMidRestoreGivesAClearErrorAndTheNextRunCompletes() throws Exception {
        Path state = dir.resolve("lost");
        VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of("blank", state));
        int port = phone.port();
        CompletableFuture<CliRunner.Result> restore = CompletableFuture.supplyAsync(() -> lifeboat.run(
                "restore", "latest", "--host", demoHost(), "--device", phone.serial(), "--only", "contacts,files"));
        while (contactsOn(phone) < 20 && !restore.isDone()) {
            Thread.sleep(100);
        }
        phone.close();

        CliRunner.Result cut = restore.get();
        assertThat(cut.exitCode()).as(cut.out() + cut.err()).isEqualTo(1);
        assertThat(cut.err())
                .contains("disconnected while contacts were being restored")
                .contains("run the same");
        try (VirtualPhone back =
                VirtualPhone.start(VirtualPhoneConfig.of("blank", state).withPort(port))) {
            CliRunner.Result rerun = lifeboat.run(
                    "restore", "latest", "--host", demoHost(), "--device", back.serial(), "--only", "contacts,files");
            assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
            assertThat(rerun.out()).containsPattern("contacts +\\d+ +\\d+ ");
        }
    }

    @Test
    @Order(3)
    @RequiresTool("adb")
    void throughTheAdbServerADryRunOfTheRestoredPhoneFindsNothingToDo() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("LIFEBOAT_REPOSITORY", repository.toString());
        environment.put("LIFEBOAT_PASSWORD_FILE", dir.resolve("password").toString());
        CliRunner viaServer = new CliRunner(environment);

        CliRunner.Result dryRun = viaServer.run(
                "restore",
                "latest",
                "--host",
                demoHost(),
                "--device",
                blank.serial(),
                "--only",
                "contacts,apps",
                "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Nothing to do: the phone already has everything in this snapshot.");
    }

    @Test
    @Order(7)
    void excludeLeavesOutFilesAppsAndWholeTypesLikeItsGlobsSay() throws IOException {
        try (VirtualPhone fresh = VirtualPhone.start(VirtualPhoneConfig.of("blank", dir.resolve("excluded")))) {
            CliRunner.Result dryRun = lifeboat.run(
                    "restore",
                    "latest",
                    "--host",
                    demoHost(),
                    "--device",
                    fresh.serial(),
                    "--only",
                    "files,apps,contacts",
                    "--exclude",
                    "/files/DCIM",
                    "--exclude",
                    "*.mp4",
                    "--exclude",
                    "/apps/com.whatsapp",
                    "--exclude",
                    "/contacts",
                    "--dry-run",
                    "--json");

            assertThat(dryRun.exitCode()).as(dryRun.out() + dryRun.err()).isZero();
            String summary = dryRun.out()
                    .lines()
                    .filter(line -> line.contains("\"message_type\":\"summary\""))
                    .findFirst()
                    .orElseThrow();
            assertThat(summary)
                    .contains("/storage/emulated/0/Download/")
                    .contains("org.wikipedia")
                    .doesNotContain("/storage/emulated/0/DCIM/")
                    .doesNotContain(".mp4")
                    .doesNotContain("com.whatsapp (versionCode")
                    .doesNotContain("\"type\":\"contacts\"");
        }
    }

    @Test
    @Order(8)
    void aDamagedFolderListingFailsOnlyThatFolderWhileTheRestIsRestored() throws IOException {
        // On a copy: the later tests read the repository. The restore reads the file listing ahead, while its lock
        // settles; the damage must still be reported by the files step, and the other types must not suffer.
        Path copy = dir.resolve("repository-with-a-damaged-tree");
        copyFolder(repository, copy);
        String folder = "/files/DCIM/Camera";
        PackedBlob tree;
        try (Repository opened = open()) {
            SavedSnapshot latest = PhoneSnapshots.of(opened, demoHost()).getLast();
            Node node = new PhoneSnapshot(opened, latest).find(folder).orElseThrow();
            tree = opened.index()
                    .lookup(new BlobHandle(node.subtree(), BlobType.TREE))
                    .orElseThrow();
        }
        flipAByteIn(copy, tree);

        try (VirtualPhone fresh = VirtualPhone.start(VirtualPhoneConfig.of("blank", dir.resolve("damaged-tree")))) {
            CliRunner.Result restore = lifeboat.run(
                    "restore",
                    "latest",
                    "-r",
                    copy.toString(),
                    "--host",
                    demoHost(),
                    "--device",
                    fresh.serial(),
                    "--only",
                    "files,contacts");

            assertThat(restore.exitCode()).as(restore.out() + restore.err()).isEqualTo(3);
            assertThat(restore.out()).contains("Failed:").contains(folder + "/ (its listing)");
            assertThat(restore.err()).doesNotContain("Exception");
            assertThat(TestPhone.shell(fresh, "ls /storage/emulated/0/Download"))
                    .isNotBlank();
            assertThat(TestPhone.shell(fresh, "ls /storage/emulated/0/DCIM/Camera 2>/dev/null || echo none"))
                    .isEqualToIgnoringWhitespace("none");
            assertThat(contactsOn(fresh)).isEqualTo(contactsOn(demo));
        }
    }

    private String demoHost() {
        return PhoneSnapshots.hostname("Pixel 7", "LBTESTA1");
    }

    private SnapshotSummary summary(String host) throws IOException {
        try (Repository opened = open()) {
            SavedSnapshot latest = PhoneSnapshots.of(opened, host).getLast();
            return SnapshotSummary.of(new PhoneSnapshot(opened, latest), CHANGED_SETTINGS.keySet());
        }
    }

    @Test
    @Order(99) // last: it damages the index the other tests read
    void aDamagedIndexFileIsNamedByThePhoneCommandsWhichStillReadTheBackup() throws IOException {
        Path index;
        try (var files = Files.list(repository.resolve("index"))) {
            index = files.sorted().findFirst().orElseThrow();
        }
        index.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 1;
        Files.write(index, bytes);

        CliRunner.Result verify = lifeboat.run("verify", "--device", demo.serial());

        assertThat(verify.err())
                .contains("index/" + index.getFileName() + " is damaged")
                .contains("lifeboat repair index")
                .doesNotContain("Exception");
        assertThat(verify.out())
                .as("the inventory still compares against the backup")
                .contains("files");
    }

    /** Flips one byte inside the first data blob of {@code path} in the latest demo snapshot. */
    private void flipAByteOf(String path) throws IOException {
        PackedBlob blob;
        try (Repository opened = open()) {
            SavedSnapshot latest = PhoneSnapshots.of(opened, demoHost()).getLast();
            Node node = new PhoneSnapshot(opened, latest).find(path).orElseThrow();
            blob = opened.index()
                    .lookup(new BlobHandle(node.content().getFirst(), BlobType.DATA))
                    .orElseThrow();
        }
        flipAByteIn(repository, blob);
    }

    /** Flips one byte in the middle of {@code blob} in the repository folder {@code root}. */
    private static void flipAByteIn(Path root, PackedBlob blob) throws IOException {
        String pack = blob.packId().toString();
        Path file = root.resolve("data").resolve(pack.substring(0, 2)).resolve(pack);
        file.toFile().setWritable(true);
        try (RandomAccessFile pack1 = new RandomAccessFile(file.toFile(), "rw")) {
            long offset = blob.blob().offset() + blob.blob().length() / 2;
            pack1.seek(offset);
            int value = pack1.read();
            pack1.seek(offset);
            pack1.write(value ^ 0x40);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private Repository open() throws IOException {
        return Repository.open(new LocalBackend(repository), Password.of(PASSWORD), RepositorySettings.defaults());
    }

    private static long contactsOn(VirtualPhone phone) throws IOException {
        return TestPhone.shell(
                        phone, "content query --uri content://com.android.contacts/raw_contacts --projection _id")
                .lines()
                .filter(line -> line.startsWith("Row:"))
                .count();
    }

    private static ApkFile apk(String packageName) {
        byte[] bytes = ApkWriter.write(ApkManifest.base(packageName, 7, "1.0", 21, 34, "New app"), Map.of());
        return new ApkFile("base.apk", bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
