package org.lifeboat.repository.chunker;

/** The reference's deterministic test data: splitmix64 outputs written as little-endian longs. */
final class SplitMix64Stream {
    private SplitMix64Stream() {}

    static byte[] bytes(long seed, int length) {
        byte[] data = new byte[length];
        long state = seed;
        for (int i = 0; i < length; i += 8) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            for (int b = 0; b < 8 && i + b < length; b++) {
                data[i + b] = (byte) (z >>> (8 * b));
            }
        }
        return data;
    }
}
