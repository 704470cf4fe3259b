package org.lifeboat.android.restore;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
        Map<DevicePath, Listing> folders = new HashMap<>();
        Map<DevicePath, Optional<RemoteFileStat>> stats = new LinkedHashMap<>();
        for (DevicePath path : paths) {
            Listing folder = folders.get(parent(path));
            if (folder == null) {
                folder = new Listing(phone.list(parent(path)));
                folders.put(parent(path), folder);
            }
            stats.put(path, folder.find(path));
        }
        return stats;
    }

    /**
     * One folder's entries. Shared storage resolves names regardless of case, as a stat on the phone would: sdcardfs
     * (Android 8 to 10) falls back to a case-insensitive match in its lookup ({@code fs/sdcardfs/lookup.c}, like the
     * earlier FUSE daemon in {@code system/core/sdcard}), and from Android 11 MediaProvider's FUSE daemon serves
     * {@code /data/media} with ext4 casefolding ({@code external_storage.casefold.enabled} in AOSP's
     * {@code build/make/target/product/emulated_storage.mk}). So a backed-up {@code IMG_1.JPG} is the phone's
     * {@code img_1.jpg}, and a push of it overwrites that file under the phone's spelling.
     */
    private static final class Listing {
        private final Map<DevicePath, RemoteFileStat> byName = new HashMap<>();
        private final Map<String, RemoteFileStat> byFoldedName = new HashMap<>();

        Listing(List<RemoteDirEntry> entries) {
            for (RemoteDirEntry entry : entries) {
                byName.put(entry.name(), entry.stat());
                byFoldedName.putIfAbsent(fold(entry.name()), entry.stat());
            }
        }

        Optional<RemoteFileStat> find(DevicePath path) {
            RemoteFileStat exact = byName.get(path.fileName());
            if (exact != null || !SharedStorageNames.isSharedStorage(path.toString())) {
                return Optional.ofNullable(exact);
            }
            return Optional.ofNullable(byFoldedName.get(fold(path.fileName())));
        }

        /** Upper then lower case: closer to Unicode case folding than lower case alone. */
        private static String fold(DevicePath name) {
            return name.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        }
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
