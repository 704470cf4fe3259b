package org.lifeboat.android.restore;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.lifeboat.adb.client.ApkFile;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.RemoteFileStat;
import org.lifeboat.adb.client.ShellCommand;

/**
 * The phone a restore writes to: what the restorers need from it and nothing more, so that they run the same against
 * a real phone ({@link AdbTargetPhone}) and a scripted one in tests.
 */
public interface TargetPhone {

    /** {@code ro.build.version.sdk}; restorers pick commands and say what is possible from it. */
    int apiLevel();

    /** Runs one command line in the phone's shell and waits for it. */
    CommandOutput run(ShellCommand command) throws IOException;

    /** The file at {@code path}, or empty when there is none. */
    Optional<RemoteFileStat> stat(DevicePath path) throws IOException;

    /** Streams {@code content} to {@code path} (parent folders are created) with mode and whole-second mtime. */
    void push(InputStream content, DevicePath path, int mode, Instant mtime) throws IOException;

    /** Installs one app: its base APK first, then its splits, in one package-manager session. */
    void install(List<ApkFile> apks, List<String> options) throws IOException;
}
