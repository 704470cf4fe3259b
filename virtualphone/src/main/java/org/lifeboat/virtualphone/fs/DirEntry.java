package org.lifeboat.virtualphone.fs;

/** One entry of a directory listing: its name and its {@code lstat}. */
public record DirEntry(String name, FileStat stat) {}
