package org.lifeboat.cli.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeboat.adb.client.Device;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.backup.BackupProgress;
import org.lifeboat.backup.PhoneBackup;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.repository.snapshot.SnapshotStore;
import org.lifeboat.repository.tree.ByteString;
import org.lifeboat.repository.tree.Node;
import org.lifeboat.repository.tree.Tree;
import org.lifeboat.repository.walker.TreeLoader;
import org.lifeboat.virtualphone.VirtualPhone;
import org.lifeboat.virtualphone.VirtualPhoneConfig;

/**
 * A backup of a phone that did not change repeats its parent's tree: the export folders, which get the backup's time
 * when they are made, keep the parent's nodes. Only {@code /lifeboat} differs, because both of its files record the
 * backup itself: {@code device.json} its time ({@code backupTime}), {@code report.json} its time, its parent and
 * its summary.
 */
class NoChangePhoneBackupTest {
    private static final String PASSWORD = "no-change backup test";
    private static final Instant FIRST_RUN = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant SECOND_RUN = FIRST_RUN.plus(Duration.ofHours(1));

    @TempDir
    Path temp;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void aSecondBackupOfAnUnchangedPhoneDiffersOnlyInWhatRecordsTheBackup() throws IOException {
        Path repository = PhoneBackupTest.initRepository(temp.resolve("repository"), PASSWORD);
        try (VirtualPhone phone = VirtualPhone.start(VirtualPhoneConfig.of("demo", temp.resolve("phone")))) {
            PhoneBackupReport first = backUp(phone, repository, FIRST_RUN);
            PhoneBackupReport second = backUp(phone, repository, SECOND_RUN);

            try (Repository opened = open(repository)) {
                TreeLoader trees = new TreeLoader(opened);
                Tree firstRoot = rootTree(opened, first);
                Tree secondRoot = rootTree(opened, second);
                assertThat(names(secondRoot)).isEqualTo(names(firstRoot)).contains("contacts", "files", "messages");

                assertThat(withoutLifeboat(secondRoot)).isEqualTo(withoutLifeboat(firstRoot));
                assertThat(node(secondRoot, "contacts").mtime().toInstant()).isEqualTo(FIRST_RUN);
                Node firstLifeboat = node(firstRoot, "lifeboat");
                Node secondLifeboat = node(secondRoot, "lifeboat");
                assertThat(secondLifeboat.mtime().toInstant()).isEqualTo(SECOND_RUN);
                Tree firstRecords = trees.load(firstLifeboat.subtree());
                Tree secondRecords = trees.load(secondLifeboat.subtree());
                assertThat(node(secondRecords, "device.json")).isNotEqualTo(node(firstRecords, "device.json"));
                assertThat(node(secondRecords, "report.json")).isNotEqualTo(node(firstRecords, "report.json"));
            }
        }
    }

    private PhoneBackupReport backUp(VirtualPhone phone, Path repository, Instant time) throws IOException {
        try (Repository opened = open(repository);
                Device device = TestPhone.connect(phone);
                Phone connected = Phone.open(device)) {
            return new PhoneBackup(connected, Clock.fixed(time, ZoneOffset.UTC), workers, BackupProgress.NONE)
                    .run(opened, PhoneBackupOptions.everything());
        }
    }

    private static Repository open(Path repository) throws IOException {
        return Repository.open(new LocalBackend(repository), Password.of(PASSWORD), RepositorySettings.defaults());
    }

    private static Tree rootTree(Repository repository, PhoneBackupReport report) throws IOException {
        Id snapshot = Id.parse(report.snapshotId().orElseThrow());
        return new TreeLoader(repository)
                .load(new SnapshotStore(repository).load(snapshot).snapshot().tree());
    }

    private static List<Node> withoutLifeboat(Tree root) {
        return root.nodes().stream()
                .filter(node -> !node.name().equals(ByteString.utf8("lifeboat")))
                .toList();
    }

    private static List<String> names(Tree tree) {
        return tree.nodes().stream().map(node -> node.name().toStringLossy()).toList();
    }

    private static Node node(Tree tree, String name) {
        return tree.find(ByteString.utf8(name)).orElseThrow();
    }
}
