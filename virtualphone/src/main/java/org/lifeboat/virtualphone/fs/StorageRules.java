package org.lifeboat.virtualphone.fs;

import java.util.Set;

/**
 * Who may do what where, and who owns what, for the shell user (uid 2000) on one Android version. Works on canonical
 * phone paths (no symlinks, no "..").
 */
final class StorageRules {
    static final String SHARED = "/storage/emulated/0";
    static final String LOCAL_TMP = "/data/local/tmp";
    static final String APP_CODE = "/data/app";
    static final String SYSTEM = "/system";

    /** Android 11 (API 30) is where FUSE shared storage and the shell's ext_data_rw/ext_obb_rw groups arrived. */
    static final int FUSE_API = 30;

    static final int ROOT_UID = 0;
    static final int SYSTEM_UID = 1000;
    static final int SDCARD_RW_GID = 1015;
    static final int MEDIA_RW_GID = 1023;
    static final int EXT_DATA_RW_GID = 1078;
    static final int EXT_OBB_RW_GID = 1079;
    static final int SHELL_UID = 2000;
    /** The MediaProvider app's uid, which owns FUSE files; the value matches the reference's ls example. */
    static final int MEDIA_PROVIDER_UID = 10123;

    /** Directories other than the writable zones that toybox ls may read. */
    private static final Set<String> LISTABLE = Set.of("/", "/storage", "/storage/self", "/system");

    private final int apiLevel;

    StorageRules(int apiLevel) {
        this.apiLevel = apiLevel;
    }

    boolean fuse() {
        return apiLevel >= FUSE_API;
    }

    /**
     * Android/data and Android/obb: adbd gives the shell AID_EXT_DATA_RW / AID_EXT_OBB_RW only since Android 11
     * (packages/modules/adb commit 223bcc78, "Allow shell to write to /sdcard/Android/data and obb"); below that the
     * issue's phone treats them as closed to the shell.
     */
    private boolean restrictedAppDir(String path) {
        return !fuse() && (isAtOrBelow(path, SHARED + "/Android/data") || isAtOrBelow(path, SHARED + "/Android/obb"));
    }

    /** Any access to something strictly inside a closed directory fails like a missing search permission. */
    void checkReachable(String path, String shown) throws PhoneFileException {
        if (restrictedAppDir(path) && !isRestrictedDirItself(path)) {
            throw new PhoneFileException(Errno.EACCES, shown);
        }
    }

    void checkList(String dir, String shown) throws PhoneFileException {
        checkReachable(dir, shown);
        if (restrictedAppDir(dir) || isAtOrBelow(dir, APP_CODE)) {
            throw new PhoneFileException(Errno.EACCES, shown);
        }
        if (!isWritableZone(dir) && !LISTABLE.contains(dir) && !isAtOrBelow(dir, SYSTEM)) {
            throw new PhoneFileException(Errno.EACCES, shown);
        }
    }

    /** Creating, removing or changing entries of directory {@code dir}. */
    void checkWriteIn(String dir, String shown) throws PhoneFileException {
        checkReachable(dir, shown);
        if (restrictedAppDir(dir)) {
            throw new PhoneFileException(Errno.EACCES, shown);
        }
        if (isWritableZone(dir)) {
            return;
        }
        // System-as-root: / and /system are mounted read-only (since Android 10 for every device).
        boolean readOnly = dir.equals("/") || isAtOrBelow(dir, SYSTEM);
        throw new PhoneFileException(readOnly ? Errno.EROFS : Errno.EACCES, shown);
    }

    /**
     * On FUSE shared storage (API 30+) MediaProvider refuses names that are not FAT-clean with EPERM:
     * FileUtils.isValidFatFilenameChar rejects 0x00-0x1F, 0x7F and {@code " * / : < > ? \ |}, checked in
     * insertFileIfNecessaryForFuse.
     */
    void checkNewName(String dir, String name, String shown) throws PhoneFileException {
        if (fuse() && isAtOrBelow(dir, "/storage/emulated")) {
            for (int i = 0; i < name.length(); i++) {
                if (!isValidFatFilenameChar(name.charAt(i))) {
                    throw new PhoneFileException(Errno.EPERM, shown);
                }
            }
        }
    }

    static boolean isValidFatFilenameChar(char c) {
        if (c <= 0x1f || c == 0x7f) {
            return false;
        }
        return "\"*/:<>?\\|".indexOf(c) < 0;
    }

    /** The phone's owner, group and permission bits for a path; {@code hostPermissions} counts only in /data/local/tmp. */
    Ownership ownership(String path, FileType type, int hostPermissions) {
        boolean dir = type == FileType.DIRECTORY;
        if (type == FileType.SYMLINK) {
            // Android's rootfs symlinks (/sdcard) show as lrw-r--r-- root root.
            return new Ownership(ROOT_UID, ROOT_UID, 0644);
        }
        if (isAtOrBelow(path, SHARED)) {
            return sharedOwnership(path, dir);
        }
        if (isAtOrBelow(path, LOCAL_TMP)) {
            return new Ownership(SHELL_UID, SHELL_UID, path.equals(LOCAL_TMP) ? 0771 : hostPermissions);
        }
        if (isAtOrBelow(path, "/data")) {
            return new Ownership(SYSTEM_UID, SYSTEM_UID, dir ? 0771 : 0644);
        }
        if (path.equals("/storage/emulated")) {
            return new Ownership(ROOT_UID, fuse() ? MEDIA_RW_GID : SDCARD_RW_GID, 0711);
        }
        return new Ownership(ROOT_UID, ROOT_UID, dir ? 0755 : 0644);
    }

    private Ownership sharedOwnership(String path, boolean dir) {
        if (!fuse()) {
            // sdcardfs (Android 8-10): everything root:sdcard_rw, directories rwxrwx--x, files rw-rw----.
            return new Ownership(ROOT_UID, SDCARD_RW_GID, dir ? 0771 : 0660);
        }
        int gid = MEDIA_RW_GID;
        if (isAtOrBelow(path, SHARED + "/Android/data")) {
            gid = EXT_DATA_RW_GID;
        } else if (isAtOrBelow(path, SHARED + "/Android/obb")) {
            gid = EXT_OBB_RW_GID;
        }
        // FUSE (Android 11+): ls -l shows drwxrws--- / -rw-rw---- owned by the MediaProvider uid.
        return new Ownership(MEDIA_PROVIDER_UID, gid, dir ? 02770 : 0660);
    }

    /** A small stable device number per mount, as stat's %d / sync's STA2 dev show. */
    long device(String path) {
        if (isAtOrBelow(path, "/storage/emulated")) {
            return fuse() ? 0x3a : 0x1d;
        }
        if (isAtOrBelow(path, "/data")) {
            return 0xfd05;
        }
        return 0xfd00;
    }

    private static boolean isWritableZone(String dir) {
        return isAtOrBelow(dir, SHARED) || isAtOrBelow(dir, LOCAL_TMP);
    }

    private static boolean isRestrictedDirItself(String path) {
        return path.equals(SHARED + "/Android/data") || path.equals(SHARED + "/Android/obb");
    }

    static boolean isAtOrBelow(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir + "/");
    }

    record Ownership(int uid, int gid, int permissions) {}
}
