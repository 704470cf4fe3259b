package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteDirEntry;
import org.lifeboat.adb.client.RemoteFileStat;

/**
 * Stats of many files on the phone for the price of one listing per folder: a restore of thousands of photos into a
 * few folders would otherwise wait for a sync round trip per file, before and again after each push.
 */
final class PhoneFolders {
    private PhoneFolders() {}

    /** What the phone has at each of {@code paths} (absolute, as {@link FileToRestore} holds them). */
    static Map<DevicePath, Optional<RemoteFileStat>> stat(TargetPhone phone, Collection<DevicePath> paths)
            throws IOException {
        Map<DevicePath, Map<DevicePath, RemoteFileStat>> folders = new HashMap<>();
        Map<DevicePath, Optional<RemoteFileStat>> stats = new LinkedHashMap<>();
        for (DevicePath path : paths) {
            Map<DevicePath, RemoteFileStat> folder = folders.get(parent(path));
            if (folder == null) {
                folder = new HashMap<>();
                for (RemoteDirEntry entry : phone.list(parent(path))) {
                    folder.put(entry.name(), entry.stat());
                }
                folders.put(parent(path), folder);
            }
            stats.put(path, Optional.ofNullable(folder.get(path.fileName())));
        }
        return stats;
    }

    /** The folder holding {@code path}; {@code /} for a name at the root. */
    static DevicePath parent(DevicePath path) {
        byte[] bytes = path.toBytes();
        int end = bytes.length;
        while (end > 1 && bytes[end - 1] == '/') {
            end--;
        }
        int slash = end - 1;
        while (slash > 0 && bytes[slash] != '/') {
            slash--;
        }
        return DevicePath.ofBytes(slash <= 0 ? new byte[] {'/'} : Arrays.copyOf(bytes, slash));
    }
}
