package org.lifeboat.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic inputs shaped like issue 3's corpus: incompressible bytes (photos, videos) and JSON-like text.
 *
 * <p>The same seed gives the same bytes, so runs on different days measure the same work.
 */
public enum BenchData {
    /** Random bytes: zstd cannot shrink them, so blobs are stored uncompressed. */
    RANDOM {
        @Override
        byte[] generate(int size, long seed) {
            byte[] bytes = new byte[size];
            new SplittableRandom(seed).nextBytes(bytes);
            return bytes;
        }
    },
    /** JSON records with repeated keys and words, about 4:1 under zstd level 3 like the corpus's text part. */
    TEXT {
        @Override
        byte[] generate(int size, long seed) {
            return json(new SplittableRandom(seed), size);
        }
    };

    /** The words that text and JSON records are made of, shared with {@link CorpusGenerator}. */
    static final String[] WORDS = {
        "photo", "backup", "phone", "restore", "message", "contact", "calendar", "android", "camera", "holiday",
        "family", "beach", "invoice", "receipt", "meeting", "birthday", "video", "music", "download", "document"
    };

    abstract byte[] generate(int size, long seed);

    /** {@code size} bytes of JSON records drawn from {@code random}: repeated keys and words, like exported data. */
    static byte[] json(SplittableRandom random, int size) {
        StringBuilder text = new StringBuilder(size + 128).append('[');
        while (text.length() < size) {
            text.append("{\"id\":")
                    .append(random.nextInt(1_000_000))
                    .append(",\"name\":\"")
                    .append(WORDS[random.nextInt(WORDS.length)])
                    .append("\",\"size\":")
                    .append(random.nextInt(10_000_000))
                    .append(",\"tags\":[\"")
                    .append(WORDS[random.nextInt(WORDS.length)])
                    .append("\"]},\n");
        }
        return Arrays.copyOf(text.toString().getBytes(StandardCharsets.US_ASCII), size);
    }
}
