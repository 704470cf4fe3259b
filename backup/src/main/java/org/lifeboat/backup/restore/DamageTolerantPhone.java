package org.lifeboat.backup.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.InstallFailedException;
import org.lifeboat.adb.client.RemoteDirEntry;
import org.lifeboat.adb.client.RemoteFileException;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.android.restore.CommandOutput;
import org.lifeboat.android.restore.TargetPhone;

/**
 * Makes a damaged blob met half-way through a push or an install fail that one item, as a refusal by the phone
 * would, instead of the whole restore: the restorers go on past refused items but stop on other errors, which they
 * must take for a lost phone. The aborted transfer leaves nothing behind: adbd deletes a file whose sync stream
 * ended early ({@code file_sync_service.cpp}), and an install session that never got its bytes is abandoned.
 */
final class DamageTolerantPhone implements TargetPhone {
    private final TargetPhone phone;

    DamageTolerantPhone(TargetPhone phone) {
        this.phone = phone;
    }

    @Override
    public int apiLevel() {
        return phone.apiLevel();
    }

    @Override
    public CommandOutput run(ShellCommand command) throws IOException {
        return phone.run(command);
    }

    @Override
    public List<RemoteDirEntry> list(DevicePath directory) throws IOException {
        return phone.list(directory);
    }

    @Override
    public void push(InputStream content, DevicePath path, int mode, Instant mtime) throws IOException {
        try {
            phone.push(content, path, mode, mtime);
        } catch (IOException e) {
            Optional<UnreadableBackupException> damage = UnreadableBackupException.in(e);
            if (damage.isPresent() && !PhoneLoss.isLoss(e)) {
                throw new RemoteFileException(path, damage.get().getMessage());
            }
            throw e;
        }
    }

    @Override
    public void install(List<ApkFile> apks, List<String> options) throws IOException {
        try {
            phone.install(apks, options);
        } catch (IOException e) {
            Optional<UnreadableBackupException> damage = UnreadableBackupException.in(e);
            if (damage.isPresent() && !PhoneLoss.isLoss(e)) {
                throw new InstallFailedException(damage.get().getMessage());
            }
            throw e;
        }
    }
}
