package org.lifeboat.adb.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An APK to install: its file name (which the package manager shows in errors), its exact size (streamed installs
 * announce it up front with {@code -S}) and a way to read its bytes, for example from a backup snapshot.
 */
public record ApkFile(String name, long size, Opener opener) {
    /** Opens the APK's bytes from the start; called once per install attempt. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public ApkFile {
        if (!name.endsWith(".apk") || name.contains("/") || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "an APK file name must be a plain name ending in .apk, not '" + name + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("an APK size cannot be negative: " + size);
        }
    }

    public static ApkFile of(Path file) throws IOException {
        return new ApkFile(file.getFileName().toString(), Files.size(file), () -> Files.newInputStream(file));
    }
}
