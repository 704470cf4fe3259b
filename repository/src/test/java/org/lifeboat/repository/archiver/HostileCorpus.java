package org.lifeboat.repository.archiver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.SplittableRandom;
import org.lifeboat.repository.chunker.Chunker;
import org.lifeboat.repository.fs.RawNames;
import org.lifeboat.repository.tree.ByteString;

/** Builds the test corpus of awkward names and file kinds that every backup and restore test must survive. */
public final class HostileCorpus {
    private HostileCorpus() {}

    public static Path create(Path parent) throws IOException {
        Path root = Files.createDirectories(parent.resolve("corpus"));
        write(root, name("plain.txt"), "plain\n");
        write(root, name("we\"ird\\name <&> ü"), "quotes and backslashes");
        write(root, ByteString.of(new byte[] {'b', 'a', 'd', (byte) 0xff, 'n', 'a', 'm', 'e'}), "invalid UTF-8");
        write(root, name("line\nbreak"), "newline in name");
        write(root, name("tab\there\u0001\u007f"), "control characters");
        write(root, name("caf\u00e9"), "NFC");
        write(root, name("cafe\u0301"), "NFD");
        write(root, name("nbsp\u00a0emoji \uD83D\uDE00"), "unicode");
        write(root, name("empty"), "");
        Files.createDirectory(root.resolve("empty-dir"));
        Path nested = Files.createDirectories(root.resolve("dir ✓").resolve("deeper"));
        write(nested, name("inner.txt"), "inner");
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("nowhere/at/all"));
        Files.createSymbolicLink(root.resolve("relative-link"), Path.of("../corpus/plain.txt"));
        Files.createSymbolicLink(
                root.resolve("bad-target"),
                RawNames.linkTargetPath(ByteString.of(new byte[] {'t', (byte) 0xfe, '/', 'x'})));
        Path original = write(root, name("hardlink-a"), "shared by two names");
        Files.createLink(root.resolve("hardlink-b"), original);
        Path executable = write(root, name("run.sh"), "#!/bin/sh\n");
        Files.setAttribute(executable, "unix:mode", 0755);
        Files.setAttribute(root.resolve("plain.txt"), "unix:mode", 0600);
        // Files exactly at and just past chunk boundaries (all-zero data cuts at the minimum size).
        writeBytes(root, "one-min-chunk", new byte[Chunker.MIN_SIZE]);
        writeBytes(root, "two-min-chunks", new byte[2 * Chunker.MIN_SIZE]);
        writeBytes(root, "min-plus-one", new byte[Chunker.MIN_SIZE + 1]);
        byte[] random = new byte[3 * 1024 * 1024 + 17];
        new SplittableRandom(99).nextBytes(random);
        writeBytes(root, "random.bin", random);
        Files.setLastModifiedTime(
                root.resolve("random.bin"), FileTime.from(Instant.parse("2001-02-03T04:05:06.123456789Z")));
        return root;
    }

    /** A sparse file just over 4 GiB: cheap on disk, and its size exceeds every 32-bit field. */
    public static Path createSparseOver4GiB(Path parent) throws IOException {
        Path file = parent.resolve("sparse.img");
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
            channel.write(ByteBuffer.wrap("end".getBytes(StandardCharsets.US_ASCII)), (4L << 30) + 5);
        }
        return file;
    }

    private static ByteString name(String text) {
        return ByteString.utf8(text);
    }

    private static Path write(Path directory, ByteString name, String content) throws IOException {
        Path file = RawNames.child(directory, name);
        Files.writeString(file, content);
        return file;
    }

    private static void writeBytes(Path directory, String name, byte[] content) throws IOException {
        Files.write(directory.resolve(name), content);
    }
}
