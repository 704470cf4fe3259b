package org.lifeboat.repository.archiver;

/** How a file compares with the parent snapshot. */
public enum FileStatus {
    /** Not in the parent snapshot. */
    NEW,
    /** In the parent snapshot, but size, mtime, ctime or inode differ: read again. */
    CHANGED,
    /** Same size, mtime, ctime and inode as in the parent: its content IDs are reused without reading it. */
    UNMODIFIED
}
