package org.lifeboat.virtualphone.profile.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.random.RandomGenerator;

/** 16-bit mono PCM RIFF/WAVE files, filled with a voice-like warble so recordings are not silent. */
public final class WavWriter {
    public static final int SAMPLE_RATE = 16_000;
    private static final int HEADER_SIZE = 44;

    private WavWriter() {}

    /** A recording of {@code seconds} seconds; {@link StrictMath} keeps the samples identical on every JVM. */
    public static byte[] voiceRecording(int seconds, RandomGenerator random) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("a recording needs a positive length, got " + seconds + " s");
        }
        int samples = seconds * SAMPLE_RATE;
        double pitch = 110 + random.nextInt(120);
        double syllableRate = 3 + random.nextDouble() * 2;
        ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put(ascii("RIFF")).putInt(36 + samples * 2).put(ascii("WAVE"));
        out.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
        out.putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        out.put(ascii("data")).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            double t = (double) i / SAMPLE_RATE;
            double envelope = Math.max(0, StrictMath.sin(2 * Math.PI * syllableRate * t));
            double tone = StrictMath.sin(2 * Math.PI * pitch * t) + 0.4 * StrictMath.sin(4 * Math.PI * pitch * t);
            double noise = (random.nextDouble() - 0.5) * 0.05;
            out.putShort((short) Math.round((tone * envelope * 0.5 + noise) * 12_000));
        }
        return out.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
