package org.lifeboat.virtualphone.fs;

/**
 * What {@code statfs(2)} answers for the mount holding a path, in units of {@code blockSize} bytes.
 *
 * @param device the mount's source as {@code /proc/mounts} names it, for example {@code /dev/fuse}
 */
public record FsUsage(
        String device,
        String mountPoint,
        String type,
        long blockSize,
        long totalBlocks,
        long freeBlocks,
        long availableBlocks) {}
