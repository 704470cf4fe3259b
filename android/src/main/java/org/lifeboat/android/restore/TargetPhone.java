package org.lifeboat.android.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteDirEntry;
import org.lifeboat.adb.client.ShellCommand;

/**
 * The phone a restore writes to: what the restorers need from it and nothing more, so that they run the same against
 * a real phone ({@link AdbTargetPhone}) and a scripted one in tests. {@link #list} and {@link #push} may be called
 * from several threads at once (files go over several streams); the other methods from one thread at a time.
 */
public interface TargetPhone {

    /** {@code ro.build.version.sdk}; restorers pick commands and say what is possible from it. */
    int apiLevel();

    /** Runs one command line in the phone's shell and waits for it. */
    CommandOutput run(ShellCommand command) throws IOException;

    /** The entries of folder {@code directory} with their stats (not following symlinks); empty when it is absent. */
    List<RemoteDirEntry> list(DevicePath directory) throws IOException;

    /** Streams {@code content} to {@code path} (parent folders are created) with mode and whole-second mtime. */
    void push(InputStream content, DevicePath path, int mode, Instant mtime) throws IOException;

    /** Installs one app: its base APK first, then its splits, in one package-manager session. */
    void install(List<ApkFile> apks, List<String> options) throws IOException;
}
