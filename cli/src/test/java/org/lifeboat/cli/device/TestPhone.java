package org.lifeboat.cli.device;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.lifeboat.adb.client.Device;
import org.lifeboat.adb.client.DirectDeviceConnection;
import org.lifeboat.android.collect.Phone;
import org.lifeboat.backup.BackupProgress;
import org.lifeboat.backup.PhoneBackup;
import org.lifeboat.backup.PhoneBackupOptions;
import org.lifeboat.backup.PhoneBackupReport;
import org.lifeboat.repository.Repository;
import org.lifeboat.repository.RepositorySettings;
import org.lifeboat.repository.backend.LocalBackend;
import org.lifeboat.repository.crypto.Password;
import org.lifeboat.virtualphone.VirtualPhone;

/** Test-side access to a virtual phone: its shell, and backing it up over direct TCP as the backup job does. */
final class TestPhone {
    private TestPhone() {}

    /** Runs {@code commandLine} in the phone's shell and returns its standard output; fails on a non-zero exit. */
    static String shell(VirtualPhone phone, String commandLine) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = phone.device().shell().execute(commandLine, new ByteArrayInputStream(new byte[0]), out, err);
        if (exit != 0) {
            throw new IOException("'" + commandLine + "' exited " + exit + ": " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Device connect(VirtualPhone phone) throws IOException {
        return Device.of(DirectDeviceConnection.connect(
                "127.0.0.1",
                phone.port(),
                new DirectDeviceConnection.Options(
                        Optional.empty(),
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(20),
                        Thread.ofPlatform().daemon().name("test-adb-", 0).factory())));
    }

    /** A complete backup of {@code phone} into the repository, as {@code lifeboat backup --device} makes it. */
    static PhoneBackupReport backUp(VirtualPhone phone, Path repository, String password) throws IOException {
        return backUp(phone, repository, password, PhoneBackupOptions.everything());
    }

    /** A backup of what {@code options} select, as {@code lifeboat backup --device} makes it. */
    static PhoneBackupReport backUp(VirtualPhone phone, Path repository, String password, PhoneBackupOptions options)
            throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (Repository opened = Repository.open(
                        new LocalBackend(repository), Password.of(password), RepositorySettings.defaults());
                Device device = connect(phone);
                Phone open = Phone.open(device)) {
            return new PhoneBackup(open, Clock.systemUTC(), workers, BackupProgress.NONE).run(opened, options);
        } finally {
            workers.shutdownNow();
        }
    }
}
