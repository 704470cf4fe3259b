package org.lifeboat.adb.protocol;

/** One DENT/DNT2 entry of a directory listing: the bare name (no path) and its stat. */
public record SyncDirectoryEntry(String name, SyncStat stat) {}
