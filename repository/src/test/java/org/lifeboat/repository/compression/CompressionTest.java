package org.lifeboat.repository.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;

class CompressionTest {
    private static final int LEVEL = Compression.DEFAULT_LEVEL;
    private final byte[] scratch = new byte[Compression.PROBE_LENGTH];

    @Test
    void aLargeRandomInputIsJudgedIncompressibleByItsProbe() {
        byte[] random = random(1 << 20, 1);

        assertThat(Compression.probablyIncompressible(random, 0, random.length, scratch, LEVEL))
                .isTrue();
        assertThat(Compression.compressInto(
                        random, 0, random.length, new byte[random.length], 0, random.length - 1, LEVEL))
                .as("the whole input does not shrink either")
                .isEqualTo(-1);
    }

    @Test
    void aLargeTextIsCompressedInFull() {
        byte[] text = text(1 << 20);

        assertThat(Compression.probablyIncompressible(text, 0, text.length, scratch, LEVEL))
                .isFalse();
    }

    @Test
    void smallInputsAreNeverJudgedByAProbe() {
        byte[] random = random(200 * 1024, 2);

        assertThat(Compression.probablyIncompressible(random, 0, random.length, scratch, LEVEL))
                .isFalse();
    }

    @Test
    void theProbeIsTakenFromTheMiddleOfTheGivenRange() {
        // Text before and after, random bytes in the middle of the range [offset, offset + length).
        int length = 1 << 20;
        byte[] buffer = text(3 * length);
        byte[] middle = random(2 * Compression.PROBE_LENGTH, 3);
        int offset = length;
        System.arraycopy(middle, 0, buffer, offset + length / 2 - middle.length / 2, middle.length);

        assertThat(Compression.probablyIncompressible(buffer, offset, length, scratch, LEVEL))
                .isTrue();
        assertThat(Compression.probablyIncompressible(buffer, 0, length, scratch, LEVEL))
                .isFalse();
    }

    @Test
    void framesRoundTrip() throws DataFormatException {
        byte[] text = text(300_000);

        byte[] frame = Compression.compress(text, 0, text.length, LEVEL);

        assertThat(frame.length).isLessThan(text.length / 2);
        assertThat(Compression.decompress(frame, 0, frame.length, text.length)).isEqualTo(text);
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] text(int length) {
        String[] words = {"photo", "contact", "message", "backup", "restore", "phone", "{\"id\":", "42,", "\n"};
        StringBuilder text = new StringBuilder(length + 16);
        SplittableRandom random = new SplittableRandom(7);
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(' ');
        }
        return text.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }
}
