package org.lifeboat.virtualphone.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.adb.protocol.SyncId;
import org.lifeboat.adb.protocol.SyncProtocol;
import org.lifeboat.adb.protocol.SyncRequest;
import org.lifeboat.adb.protocol.SyncResponses;
import org.lifeboat.adb.protocol.SyncStat;
import org.lifeboat.virtualphone.fs.Errno;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.fs.PhonePaths;

/**
 * One SEND / SND2 ({@code do_send} and {@code handle_send_file} in file_sync_service.cpp): DATA chunks until DONE,
 * whose length field is the mtime. The device answers only after DONE; if it failed early it still drains the
 * DATA, then sends FAIL, removes the partial file and ends the service.
 */
final class SyncUpload {
    private final PhoneFileSystem files;
    private final SyncRequestReader requests;
    private final OutputStream toHost;

    private OutputStream target;
    private boolean opened;
    private String failure;

    SyncUpload(PhoneFileSystem files, SyncRequestReader requests, OutputStream toHost) {
        this.files = files;
        this.requests = requests;
        this.toHost = toHost;
    }

    /** Returns whether the sync service may continue. */
    boolean receive(SyncRequest.Send send, AdbFeatures features) throws IOException {
        boolean dryRun = false;
        if (send.v2()) {
            if (!features.has(AdbFeatures.SENDRECV_V2)) {
                return SyncService.fail(toHost, String.format("unknown command %08x", SyncId.SND2.wireValue()));
            }
            dryRun = send.v2Flags() == SyncProtocol.FLAG_DRY_RUN;
            if (send.v2Flags() != 0 && !dryRun) {
                failure = "unknown flags: " + Integer.toUnsignedString(send.v2Flags());
            }
        }
        String path = SyncService.absolute(send.path());
        if (failure == null && (send.mode() & SyncStat.TYPE_MASK) == SyncStat.TYPE_SYMLINK) {
            failure = "couldn't create symlink: this phone's storage does not support symlinks";
        }
        if (failure == null && !dryRun) {
            target = open(path);
            opened = target != null;
        }
        try {
            Optional<Long> mtime = drainData(path);
            if (mtime.isEmpty()) {
                // The host went away mid-file: never leave half a file behind.
                abandon(path);
                return false;
            }
            if (target != null) {
                target.close();
                target = null;
                finish(path, send.mode(), mtime.get());
            }
        } catch (IOException e) {
            abandon(path);
            throw e;
        }
        if (failure != null) {
            abandon(path);
            return SyncService.fail(toHost, failure);
        }
        toHost.write(SyncResponses.okay());
        return true;
    }

    /** Opens the target, creating missing parent directories as adbd's secure_mkdirs does. */
    private OutputStream open(String path) {
        try {
            try {
                return files.openWrite(path, false);
            } catch (PhoneFileException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
                files.mkdirs(PhonePaths.parent(path));
                return files.openWrite(path, false);
            }
        } catch (PhoneFileException e) {
            failure = "couldn't create file: " + e.errno().text();
            return null;
        }
    }

    /** Writes DATA to the target until DONE, returning DONE's mtime, or empty if the stream ended first. */
    private Optional<Long> drainData(String path) throws IOException {
        while (true) {
            Optional<SyncRequest> next = requests.next();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            switch (next.get()) {
                case SyncRequest.Data data -> write(data);
                case SyncRequest.Done done -> {
                    return Optional.of(done.mtimeSeconds());
                }
                default -> {
                    // handle_send_file: anything else mid-file is a protocol error that ends the service.
                    failure = "invalid data message: expected DATA or DONE while receiving " + path;
                    return Optional.of(0L);
                }
            }
        }
    }

    private void write(SyncRequest.Data data) {
        if (target == null || failure != null) {
            return;
        }
        try {
            data.writeTo(target);
        } catch (IOException e) {
            failure = "write failed: "
                    + (e instanceof PhoneFileException p ? p.errno().text() : e.getMessage());
        }
    }

    /** Sets the mtime (and atime) from DONE, and the mode with the user bits copied to group and other. */
    private void finish(String path, int mode, long mtimeSeconds) {
        try {
            files.setTimes(path, Instant.ofEpochSecond(mtimeSeconds), Instant.ofEpochSecond(mtimeSeconds), true);
            int permissions = mode & 0777;
            permissions |= (permissions >> 3) & 0070;
            permissions |= (permissions >> 3) & 0007;
            files.chmod(path, permissions);
        } catch (PhoneFileException e) {
            failure = "couldn't set file attributes: " + e.errno().text();
        }
    }

    private void abandon(String path) {
        if (target != null) {
            try {
                target.close();
            } catch (IOException e) {
                // Deleting it below is what matters.
            }
            target = null;
        }
        if (!opened) {
            return;
        }
        try {
            files.delete(path);
        } catch (PhoneFileException e) {
            // Nothing was created, or it cannot be removed; either way there is nothing more to do.
        }
    }
}
