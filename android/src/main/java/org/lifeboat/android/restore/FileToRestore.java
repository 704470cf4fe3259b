package org.lifeboat.android.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.lifeboat.adb.client.DevicePath;

/**
 * A file from the backup and where it goes on the phone. The bytes are streamed straight from the snapshot when the
 * file is pushed; nothing is staged on disk.
 *
 * @param path absolute path on the phone, e.g. {@code /storage/emulated/0/DCIM/Camera/IMG_1.jpg}
 * @param size the exact size in bytes
 * @param mtime the original modification time; the phone keeps whole seconds
 * @param mode {@code st_mode} with file type, e.g. {@code 0100660}
 */
public record FileToRestore(DevicePath path, long size, Instant mtime, int mode, Content content)
        implements PlannedItem {

    /** Opens the file's bytes from the start; called once per push. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private static final int REGULAR_FILE = 0100000;
    private static final int TYPE_MASK = 0170000;

    public FileToRestore {
        if (!path.toString().startsWith("/")) {
            throw new IllegalArgumentException("a file is restored to an absolute path, not '" + path + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size of " + path + " is negative: " + size);
        }
        if ((mode & TYPE_MASK) != REGULAR_FILE) {
            throw new IllegalArgumentException(
                    "only regular files are restored; " + path + " has mode " + Integer.toOctalString(mode));
        }
    }

    @Override
    public String label() {
        return path.toString();
    }
}
