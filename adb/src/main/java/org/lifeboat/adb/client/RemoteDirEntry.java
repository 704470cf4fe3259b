package org.lifeboat.adb.client;

/** One entry of a directory listing: its name (a single path element, raw bytes) and its metadata. */
public record RemoteDirEntry(DevicePath name, RemoteFileStat stat) {}
