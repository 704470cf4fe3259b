package org.lifeboat.virtualphone.fs;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The mount table the phone pretends to have; sizes come from the host file system holding the state folder. */
final class Mounts {
    private static final long BLOCK = 4096;

    private Mounts() {}

    static List<String> mountPoints() {
        return List.of("/", "/data", "/storage/emulated");
    }

    static FsUsage usageOf(String phonePath, boolean fuse, Path hostRoot) throws PhoneFileException {
        long total;
        long free;
        long available;
        try {
            FileStore store = Files.getFileStore(hostRoot);
            total = store.getTotalSpace() / BLOCK;
            free = store.getUnallocatedSpace() / BLOCK;
            available = store.getUsableSpace() / BLOCK;
        } catch (IOException e) {
            throw HostErrors.translate(e, phonePath);
        }
        if (StorageRules.isAtOrBelow(phonePath, "/storage/emulated")) {
            // Android 11+ serves shared storage through /dev/fuse; 8-10 through sdcardfs over /data/media.
            return fuse
                    ? new FsUsage("/dev/fuse", "/storage/emulated", "fuse", BLOCK, total, free, available)
                    : new FsUsage("/data/media", "/storage/emulated", "sdcardfs", BLOCK, total, free, available);
        }
        if (StorageRules.isAtOrBelow(phonePath, "/data")) {
            return new FsUsage("/dev/block/dm-5", "/data", "f2fs", BLOCK, total, free, available);
        }
        // The system image is full and read-only: nothing free.
        long systemBlocks = 1_048_576L * 1024 / BLOCK;
        return new FsUsage("/dev/block/dm-0", "/", "ext4", BLOCK, systemBlocks, 0, 0);
    }
}
