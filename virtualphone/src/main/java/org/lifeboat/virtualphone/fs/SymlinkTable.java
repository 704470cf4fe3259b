package org.lifeboat.virtualphone.fs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The phone's fixed symlinks, which live in its read-only root and not in the state folder. The chain is the one
 * android-data.md §4.13 gives: {@code /sdcard -> /storage/self/primary -> /storage/emulated/0}.
 */
final class SymlinkTable {
    /** Android's rootfs entries carry the 2009-01-01 build epoch. */
    static final Instant ROOTFS_TIME = Instant.ofEpochSecond(1230768000L);

    private static final Map<String, String> LINKS =
            Map.of("/sdcard", "/storage/self/primary", "/storage/self/primary", StorageRules.SHARED);

    Optional<String> target(String phonePath) {
        return Optional.ofNullable(LINKS.get(phonePath));
    }

    List<String> namesIn(String dir) {
        return LINKS.keySet().stream()
                .filter(link -> PhonePaths.parent(link).equals(dir))
                .map(PhonePaths::name)
                .sorted()
                .toList();
    }

    static FileStat stat(String target, long device) {
        return new FileStat(
                FileType.SYMLINK,
                target.length(),
                0644,
                StorageRules.ROOT_UID,
                StorageRules.ROOT_UID,
                ROOTFS_TIME,
                ROOTFS_TIME,
                ROOTFS_TIME,
                device,
                target.hashCode() & 0xffff,
                1,
                0,
                Optional.of(target));
    }
}
