package org.lifeboat.virtualphone.provider;

import java.util.List;
import java.util.Optional;

/**
 * What the media scanner needs from the phone's shared storage: metadata of files by their device path
 * ({@code /storage/emulated/0/...}). The file-system owner supplies it; the providers never touch host paths.
 */
public interface SharedStorage {
    record FileInfo(String devicePath, long size, long modifiedEpochSeconds) {}

    /** The regular file at that canonical device path, if there is one. */
    Optional<FileInfo> stat(String devicePath);

    /** Every regular file below the directory, recursively. */
    List<FileInfo> walk(String deviceDirectory);

    /** Resolves {@code /sdcard} and other aliases to the canonical {@code /storage/emulated/0} form. */
    String canonicalPath(String devicePath);

    /** Storage with no files, for phones and tests that need none. */
    static SharedStorage empty() {
        return new SharedStorage() {
            @Override
            public Optional<FileInfo> stat(String devicePath) {
                return Optional.empty();
            }

            @Override
            public List<FileInfo> walk(String deviceDirectory) {
                return List.of();
            }

            @Override
            public String canonicalPath(String devicePath) {
                return devicePath.startsWith("/sdcard") ? "/storage/emulated/0" + devicePath.substring(7) : devicePath;
            }
        };
    }
}
