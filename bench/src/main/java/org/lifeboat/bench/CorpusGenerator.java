package org.lifeboat.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes the deterministic benchmark corpus of issue 3: 60% incompressible 1–8 MiB files (like photos and videos),
 * 30% compressible text and JSON, and 10% as 20,000 small files. The same seed and size give the same bytes, names
 * and mtimes on every machine, so runs are comparable.
 *
 * <p>Usage: {@code CorpusGenerator DIR [TOTAL_MIB] [SEED]} (defaults: 1024 MiB, seed 1).
 */
public final class CorpusGenerator {
    private static final int MIB = 1 << 20;
    private static final int SMALL_FILES = 20_000;
    private static final Instant BASE_TIME = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] WORDS = BenchData.WORDS;

    private final SplittableRandom random;
    private final Path root;
    private long fileCounter;

    private CorpusGenerator(Path root, long seed) {
        this.root = root;
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CorpusGenerator DIR [TOTAL_MIB] [SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        long totalMib = args.length > 1 ? Long.parseLong(args[1]) : 1024;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long written = new CorpusGenerator(dir, seed).generate(totalMib * MIB);
        System.out.printf("wrote %,d bytes to %s%n", written, dir);
    }

    private long generate(long totalBytes) throws IOException {
        Files.createDirectories(root);
        long media = writeMedia(root.resolve("DCIM/Camera"), totalBytes * 60 / 100);
        long text = writeText(root.resolve("Documents"), totalBytes * 30 / 100);
        long small = writeSmallFiles(root.resolve("small"), totalBytes * 10 / 100);
        return media + text + small;
    }

    private long writeMedia(Path dir, long budget) throws IOException {
        Files.createDirectories(dir);
        long written = 0;
        byte[] buffer = new byte[MIB];
        while (written < budget) {
            int size = (int) Math.min(budget - written, MIB + random.nextInt(7 * MIB + 1));
            Path file = dir.resolve(String.format("IMG_%06d.jpg", fileCounter));
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int left = size; left > 0; left -= buffer.length) {
                    random.nextBytes(buffer);
                    out.write(buffer, 0, Math.min(left, buffer.length));
                }
            }
            finish(file);
            written += size;
        }
        return written;
    }

    private long writeText(Path dir, long budget) throws IOException {
        Files.createDirectories(dir);
        long written = 0;
        while (written < budget) {
            int size = (int) Math.min(budget - written, 64 * 1024 + random.nextInt(2 * MIB));
            boolean json = random.nextBoolean();
            Path file = dir.resolve(String.format(json ? "data_%06d.json" : "notes_%06d.txt", fileCounter));
            Files.write(file, json ? json(size) : prose(size));
            finish(file);
            written += size;
        }
        return written;
    }

    private long writeSmallFiles(Path dir, long budget) throws IOException {
        long written = 0;
        int average = (int) Math.max(1, budget / SMALL_FILES);
        for (int i = 0; i < SMALL_FILES && written < budget; i++) {
            Path sub = dir.resolve(String.format("%03d", i / 200));
            Files.createDirectories(sub);
            int size = (int) Math.min(budget - written, random.nextInt(2 * average) + 1);
            byte[] bytes = random.nextBoolean() ? prose(size) : randomBytes(size);
            Path file = sub.resolve(String.format("f_%05d.bin", i));
            Files.write(file, bytes);
            finish(file);
            written += size;
        }
        return written;
    }

    private byte[] prose(int size) {
        StringBuilder text = new StringBuilder(size + 32);
        while (text.length() < size) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            text.append(random.nextInt(12) == 0 ? ".\n" : " ");
        }
        return truncate(text, size);
    }

    private byte[] json(int size) {
        return BenchData.json(random, size);
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] truncate(StringBuilder text, int size) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        return bytes.length == size ? bytes : java.util.Arrays.copyOf(bytes, size);
    }

    private void finish(Path file) throws IOException {
        fileCounter++;
        Files.setLastModifiedTime(file, FileTime.from(BASE_TIME.plusSeconds(fileCounter * 37)));
    }
}
