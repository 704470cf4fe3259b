package org.lifeboat.android.restore;

import java.util.Optional;

/**
 * File names Android refuses in shared storage. From Android 11 /sdcard is served by MediaProvider's FUSE daemon,
 * which rejects a name that is not FAT-clean with EPERM: control characters and {@code " * : < > ? \ |}
 * (MediaProvider {@code FileUtils.isValidFatFilenameChar}, android-data.md §4.13). Checked before pushing so the
 * report can say why instead of quoting a bare "Operation not permitted".
 */
final class SharedStorageNames {
    private static final int ANDROID_11 = 30;
    private static final String FAT_ILLEGAL = "\"*:<>?\\|";

    private SharedStorageNames() {}

    static boolean isSharedStorage(String path) {
        return path.startsWith("/sdcard/")
                || path.startsWith("/storage/emulated/")
                || path.startsWith("/storage/self/");
    }

    /** Why the phone would refuse {@code path}, or empty if it accepts it. */
    static Optional<String> refusal(String path, int apiLevel) {
        if (apiLevel < ANDROID_11 || !isSharedStorage(path)) {
            return Optional.empty();
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || FAT_ILLEGAL.indexOf(c) >= 0) {
                String shown =
                        c < 0x20 || c == 0x7f ? String.format("control character U+%04X", (int) c) : "'" + c + "'";
                return Optional.of("Android 11 and later refuse names with " + shown
                        + " in shared storage; rename it on the computer, or restore it with --include to another"
                        + " place");
            }
        }
        return Optional.empty();
    }
}
