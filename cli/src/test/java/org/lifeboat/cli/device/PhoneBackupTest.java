package org.lifeboat.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lifeboat.adb.client.AdbProgram;
import org.lifeboat.adb.client.AdbServer;
import org.lifeboat.adb.client.AdbServerAddress;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DirectDeviceConnection;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.android.collect.NotSaved;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.android.collect.TypeReport;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.format.sbr.SbrMessages;
import org.lifeboat.android.format.sbr.SmsBackupReader;
import org.lifeboat.android.format.vcard.ContactTables;
import org.lifeboat.android.format.vcard.ContactsVCardReader;
import org.lifeboat.backup.BackupProgress;
import org.lifeboat.backup.PhoneBackup;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.backup.PhoneSnapshots;
import org.lifeboat.cli.Main;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.archiver.FileStatus;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.crypto.ScryptParams;
import org.lifeboat.testkit.ExternalTools;
import org.lifeboat.testkit.RequiresTool;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;
import org.lifeboat.virtualphone.profile.Profile;
import org.lifeboat.virtualphone.profile.Profiles;

/**
 * Backs up the demo virtual phone and checks the snapshot with restic itself: the tree, the files' bytes and mtimes,
 * the APKs, the exports against the profile's rows, and the report's counts per API level.
 */
@RequiresTool("restic")
class PhoneBackupTest {
    private static final String PASSWORD = "phone backup test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        workers.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(ints = {26, 30, 34})
    void directBackupHoldsThePhoneInOpenFormats(int api) throws Exception {
        VirtualPhone phone =
                start(VirtualPhoneConfig.of("demo", temp.resolve("phone")).withApiLevel(api));
        Path repository = initRepository();

        PhoneBackupReport report = backup(direct(phone), repository, PhoneBackupOptions.everything());

        Profile profile = Profiles.resolve("demo");
        Path restored = resticRestore(repository);
        assertThat(report.outcome()).isEqualTo(PhoneBackupReport.Outcome.COMPLETE);
        assertThat(restored.resolve("lifeboat/report.json")).exists();
        assertThat(restored.resolve("lifeboat/device.json")).content().contains("\"ro.build.version.sdk\" : \"" + api);
        assertFilesEqual(profile.sdcard(), restored.resolve("files"), api >= 30);
        assertApksEqual(profile, restored.resolve("apps"));
        assertContacts(profile, restored);
        assertMessages(profile, restored);
        assertThat(type(report, DataType.CALENDAR).saved()).isEqualTo(100);
        try (Stream<Path> ics = Files.list(restored.resolve("calendar"))) {
            long events = ics.filter(p -> p.toString().endsWith(".ics"))
                    .mapToLong(p -> count(read(p), "BEGIN:VEVENT"))
                    .sum();
            assertThat(events).isEqualTo(100);
        }
        assertUnreachablesFor(api, report, restored);
        if (api == 34) {
            assertThat(restic(repository, "check", "--read-data")).contains("no errors were found");
        }
    }

    @Test
    @RequiresTool("adb")
    void backupThroughTheAdbServerIsIncrementalTheSecondTime() throws Exception {
        VirtualPhone phone =
                start(VirtualPhoneConfig.of("demo", temp.resolve("phone")).withApiLevel(30));
        AdbProgram adb = AdbProgram.at(ExternalTools.path("adb")).withEnvironment(Map.of("HOME", temp.toString()));
        AdbServer server = new AdbServer(AdbServerAddress.localhost(freePort()), adb);
        open.add(server::kill);
        server.connect(phone.serial());
        Path repository = initRepository();

        PhoneBackupReport first = backup(Device.of(server.open(phone.serial())), repository, everything());
        PhoneBackupReport second = backup(Device.of(server.open(phone.serial())), repository, everything());

        assertThat(first.outcome()).isEqualTo(PhoneBackupReport.Outcome.COMPLETE);
        assertThat(second.parentId()).isEqualTo(first.snapshotId());
        assertThat(second.bytesTransferred()).isLessThan(1024 * 1024);
        // Every phone file and APK is reused; so are the exports whose bytes did not change (only the report and the
        // device description, which carry the backup time, are written again; see NoChangePhoneBackupTest).
        assertThat(second.summary().orElseThrow().filesUnmodified())
                .isGreaterThanOrEqualTo(type(first, DataType.FILES).saved() + apkCount(Profiles.resolve("demo")));
        assertThat(second.summary().orElseThrow().filesNew()).isZero();
        assertThat(restic(repository, "snapshots", "--json"))
                .contains("\"hostname\":\"" + first.hostname() + "\"")
                .contains("\"lifeboat\"", "\"android-30\"");
    }

    @Test
    void aPhoneLostMidBackupLeavesAValidRepositoryAndAnIncompleteSnapshot() throws Exception {
        Path state = temp.resolve("phone");
        VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of("demo", state));
        Path repository = initRepository();
        BackupProgress pullsThePlug = new BackupProgress() {
            private int files;

            @Override
            public synchronized void fileDone(Path path, FileStatus status, long size) {
                if (path.startsWith("/files") && ++files == 20) {
                    try {
                        phone.close();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };

        PhoneBackupReport lost = backup(direct(phone), repository, everything(), pullsThePlug);
        VirtualPhone again = start(VirtualPhoneConfig.of("demo", state));
        PhoneBackupReport next = backup(direct(again), repository, everything());

        assertThat(lost.outcome()).isEqualTo(PhoneBackupReport.Outcome.PHONE_LOST);
        assertThat(restic(repository, "snapshots", "--tag", PhoneSnapshots.INCOMPLETE_TAG))
                .contains(lost.snapshotId().orElseThrow().substring(0, 8));
        assertThat(restic(repository, "check", "--read-data")).contains("no errors were found");
        assertThat(next.outcome()).isEqualTo(PhoneBackupReport.Outcome.COMPLETE);
        assertThat(next.parentId()).isEqualTo(lost.snapshotId());
        assertThat(next.summary().orElseThrow().filesUnmodified()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aFileDeletedBetweenListingAndReadingIsReportedAndTheOthersAreStillSaved() throws Exception {
        VirtualPhone phone = start(VirtualPhoneConfig.of("demo", temp.resolve("phone")));
        Path repository = initRepository();
        BackupProgress deletesAfterListing = new BackupProgress() {
            @Override
            public void collected(TypeReport report) {
                try {
                    TestPhone.shell(phone, "rm /sdcard/Documents/notes.txt");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };

        // One read at a time, so that the file after the refused one reuses a session if the pool keeps it.
        PhoneBackupReport report = backup(
                direct(phone),
                repository,
                new PhoneBackupOptions(Set.of(DataType.FILES), List.of(), List.of(), false, 1),
                deletesAfterListing);

        assertThat(report.outcome()).isEqualTo(PhoneBackupReport.Outcome.INCOMPLETE);
        TypeReport files = type(report, DataType.FILES);
        assertThat(files.notSaved()).extracting(NotSaved::item).contains("/files/Documents/notes.txt");
        assertThat(files.saved()).isEqualTo(files.found() - 1).isGreaterThan(10);
    }

    @Test
    void demoCommandBacksUpTwiceAndSaysTheSecondRunIsIncremental() throws Exception {
        Path dir = temp.resolve("lifeboat-demo");

        Output first = lifeboat("demo", "--dir", dir.toString());
        Output second = lifeboat("demo", "--dir", dir.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out())
                .contains("Its password is: "
                        + Files.readString(dir.resolve("password")).strip())
                .contains("/contacts/contacts.vcf", "lifeboat snapshots");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain("Its password is").contains("This was an incremental backup");
    }

    @Test
    void dryRunCountsWithoutWriting() throws Exception {
        VirtualPhone phone = start(VirtualPhoneConfig.of("demo", temp.resolve("phone")));
        Path repository = initRepository();

        PhoneBackupReport preview = backup(
                direct(phone),
                repository,
                new PhoneBackupOptions(
                        PhoneBackupOptions.select(List.of(DataType.FILES, DataType.CONTACTS), List.of()),
                        List.of(),
                        List.of("*.mp4"),
                        true,
                        2));

        assertThat(preview.snapshotId()).isEmpty();
        assertThat(preview.types()).extracting(TypeReport::type).containsExactly(DataType.CONTACTS, DataType.FILES);
        assertThat(type(preview, DataType.FILES).notSaved())
                .extracting(NotSaved::item)
                .contains("files left out by --include/--exclude");
        assertThat(restic(repository, "snapshots")).doesNotContain("lifeboat");
    }

    private PhoneBackupReport backup(Device device, Path repository, PhoneBackupOptions options) throws IOException {
        return backup(device, repository, options, BackupProgress.NONE);
    }

    private PhoneBackupReport backup(
            Device device, Path repository, PhoneBackupOptions options, BackupProgress progress) throws IOException {
        try (device;
                Phone phone = Phone.open(device);
                Repository repo = Repository.open(
                        new LocalBackend(repository), Password.of(PASSWORD), RepositorySettings.defaults())) {
            return new PhoneBackup(phone, Clock.systemUTC(), workers, progress).run(repo, options);
        }
    }

    private static PhoneBackupOptions everything() {
        return PhoneBackupOptions.everything();
    }

    private VirtualPhone start(VirtualPhoneConfig config) throws IOException {
        VirtualPhone phone = VirtualPhone.start(config);
        open.add(phone);
        return phone;
    }

    static Device direct(VirtualPhone phone) throws IOException {
        return Device.of(DirectDeviceConnection.connect(
                "127.0.0.1",
                phone.port(),
                new DirectDeviceConnection.Options(
                        Optional.empty(),
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(10),
                        Thread.ofPlatform().daemon().factory())));
    }

    private Path initRepository() throws IOException {
        return initRepository(temp.resolve("repository"), PASSWORD);
    }

    /** A repository with cheap scrypt parameters, so that tests spend their time on the phone, not the key. */
    static Path initRepository(Path repository, String password) throws IOException {
        Repository.init(
                        new LocalBackend(repository),
                        Password.of(password),
                        new ScryptParams(1024, 8, 1),
                        RepositorySettings.defaults())
                .close();
        return repository;
    }

    private Path resticRestore(Path repository) throws Exception {
        Path target = temp.resolve("restored");
        restic(repository, "restore", "latest", "--target", target.toString());
        return target;
    }

    private String restic(Path repository, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(ExternalTools.path("restic").toString(), "-r", repository.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RESTIC_PASSWORD", PASSWORD);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    static void assertFilesEqual(Path expected, Path actual, boolean appStorage) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(expected)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> appStorage
                            || !(expected.relativize(p).startsWith("Android/data")
                                    || expected.relativize(p).startsWith("Android/obb")))
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Path copy = actual.resolve(expected.relativize(file).toString());
            assertThat(copy).as(copy.toString()).hasSameBinaryContentAs(file);
            assertThat(Files.getLastModifiedTime(copy).toMillis() / 1000)
                    .as("mtime of " + copy)
                    .isEqualTo(Files.getLastModifiedTime(file).toMillis() / 1000);
        }
        try (Stream<Path> walk = Files.walk(actual)) {
            assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(files.size());
        }
    }

    private static void assertApksEqual(Profile profile, Path apps) throws IOException {
        JsonNode listing = JSON.readTree(apps.resolve("apps.json").toFile());
        for (Path folder : profile.appFolders()) {
            JsonNode metadata = JSON.readTree(folder.resolve("package.json").toFile());
            if (metadata.path("system").asBoolean(false)) {
                continue;
            }
            String name = folder.getFileName().toString();
            try (Stream<Path> apks = Files.list(folder)) {
                for (Path apk : apks.filter(p -> p.toString().endsWith(".apk")).toList()) {
                    assertThat(apps.resolve(name).resolve(apk.getFileName().toString()))
                            .hasSameBinaryContentAs(apk);
                }
            }
            JsonNode entry = stream(listing)
                    .filter(e -> e.get("packageName").asText().equals(name))
                    .findFirst()
                    .orElseThrow();
            assertThat(entry.get("versionCode").asLong())
                    .isEqualTo(metadata.get("versionCode").asLong());
            assertThat(entry.get("versionName").asText())
                    .isEqualTo(metadata.get("versionName").asText());
        }
    }

    private static long apkCount(Profile profile) throws IOException {
        long count = 0;
        for (Path folder : profile.appFolders()) {
            if (!JSON.readTree(folder.resolve("package.json").toFile())
                    .path("system")
                    .asBoolean(false)) {
                try (Stream<Path> apks = Files.list(folder)) {
                    count += apks.filter(p -> p.toString().endsWith(".apk")).count();
                }
            }
        }
        return count;
    }

    private static void assertContacts(Profile profile, Path restored) throws Exception {
        ContactTables tables = ContactsVCardReader.read(read(restored.resolve("contacts/contacts.vcf")));
        List<String> expected = stream(
                        JSON.readTree(profile.contacts().toFile()).get("raw_contacts"))
                .map(row -> row.get("display_name").asText())
                .toList();
        assertThat(tables.rawContacts().rows())
                .extracting(row -> row.text("display_name").orElse(""))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void assertMessages(Profile profile, Path restored) throws Exception {
        SbrMessages messages =
                SmsBackupReader.readMessages(new StringReader(read(restored.resolve("messages/sms-mms.xml"))));
        List<String> expectedBodies = stream(
                        JSON.readTree(profile.sms().toFile()).get("sms"))
                .filter(row -> row.path("type").asInt() == 1 || row.path("type").asInt() == 2)
                .map(row -> row.path("body").isNull() || row.path("body").isMissingNode()
                        ? null
                        : row.get("body").asText())
                .toList();
        assertThat(messages.tables().sms().rows())
                .extracting(row -> row.text("body").orElse(null))
                .containsExactlyInAnyOrderElementsOf(expectedBodies);
        assertThat(messages.tables().mms().rows()).hasSize(30);
        assertThat(read(restored.resolve("messages/sms-mms.xml")))
                .as("correspondents are named from the phone's contacts, as SMS Backup & Restore does")
                .contains("contact_name=\"" + nameOfFirstTexter(profile) + "\"");
        assertThat(messages.partDataById()).isNotEmpty();
        for (ProviderRow part : messages.tables().parts().rows()) {
            if (part.text("ct").orElse("").equals("image/jpeg")) {
                long id = part.integer("_id").orElseThrow();
                assertThat(messages.partData(id)).as("bytes of part " + id).isPresent();
            }
        }
    }

    /** The display name of the contact whose phone number sent or received the profile's first SMS. */
    private static String nameOfFirstTexter(Profile profile) throws Exception {
        JsonNode contacts = JSON.readTree(profile.contacts().toFile());
        String firstAddress =
                digits(stream(JSON.readTree(profile.sms().toFile()).get("sms"))
                        .map(row -> row.path("address").asText())
                        .filter(address -> digits(address).length() >= 7)
                        .findFirst()
                        .orElseThrow());
        long rawContactId = stream(contacts.get("data"))
                .filter(row -> row.path("mimetype").asText().equals("vnd.android.cursor.item/phone_v2"))
                .filter(row -> digits(row.path("data1").asText()).equals(firstAddress))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo profile's first SMS is not from a contact"))
                .get("raw_contact_id")
                .asLong();
        return stream(contacts.get("raw_contacts"))
                .filter(row -> row.get("_id").asLong() == rawContactId)
                .findFirst()
                .orElseThrow()
                .get("display_name")
                .asText();
    }

    private static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }

    private static void assertUnreachablesFor(int api, PhoneBackupReport report, Path restored) {
        List<String> callsNotSaved = type(report, DataType.CALLS).notSaved().stream()
                .map(NotSaved::item)
                .toList();
        List<String> filesNotSaved = type(report, DataType.FILES).notSaved().stream()
                .map(NotSaved::item)
                .toList();
        if (api >= 33) {
            assertThat(type(report, DataType.CALLS).saved()).isEqualTo(300);
            assertThat(restored.resolve("calls/calls.xml")).content().contains("<calls count=\"300\"");
        } else {
            assertThat(callsNotSaved).containsExactly("call log");
            assertThat(restored.resolve("calls")).doesNotExist();
        }
        if (api >= 30) {
            assertThat(type(report, DataType.WIFI).saved()).isEqualTo(5);
            assertThat(filesNotSaved).isEmpty();
        } else {
            assertThat(type(report, DataType.WIFI).notSaved())
                    .extracting(NotSaved::item)
                    .containsExactly("saved Wi-Fi networks");
            assertThat(filesNotSaved).contains("/files/Android/data");
        }
        assertThat(type(report, DataType.CONTACTS).notSaved())
                .extracting(NotSaved::item)
                .contains("contact photos");
        assertThat(type(report, DataType.MESSAGES).notSaved())
                .extracting(NotSaved::item)
                .contains("SMS drafts, outbox, failed and queued messages", "RCS chat messages");
        assertThat(type(report, DataType.APPS).notSaved())
                .extracting(NotSaved::item)
                .contains("app data (settings, logins, chats inside apps)");
        assertThat(report.types()).noneMatch(TypeReport::hasFailures);
    }

    static TypeReport type(PhoneBackupReport report, DataType type) {
        return report.types().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(String text, String needle) {
        long count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private record Output(int exitCode, String out, String err) {}

    private static Output lifeboat(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Output(code, out.toString(), err.toString());
    }
}
