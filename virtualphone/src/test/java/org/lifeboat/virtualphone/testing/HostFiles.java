package org.lifeboat.virtualphone.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;

/** Files on the host side of a push: seeded random bytes and a chosen mtime, so a round trip can check both. */
public final class HostFiles {
    private HostFiles() {}

    /** Writes {@code size} bytes from {@code new Random(seed)} to {@code file}, sets its mtime and returns the bytes. */
    public static byte[] writeRandom(Path file, int size, long seed, Instant mtime) throws IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        return content;
    }
}
