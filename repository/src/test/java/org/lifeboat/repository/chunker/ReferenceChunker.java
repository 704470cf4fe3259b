package org.lifeboat.repository.chunker;

import java.util.ArrayList;
import java.util.List;

/** A literal, byte-at-a-time port of restic/chunker (window array, reset state), the oracle for the fast one. */
final class ReferenceChunker {
    private ReferenceChunker() {}

    static List<Integer> lengths(Polynomial polynomial, byte[] data) {
        RabinTables tables = new RabinTables(polynomial);
        List<Integer> lengths = new ArrayList<>();
        byte[] window = new byte[64];
        int windowPosition = 0;
        long digest = 0;
        int count = 0;
        boolean fresh = true;
        for (int i = 0; i < data.length; i++) {
            if (fresh) {
                java.util.Arrays.fill(window, (byte) 0);
                window[0] = 1;
                windowPosition = 1;
                digest = 1;
                count = 0;
                fresh = false;
            }
            count++;
            if (count <= Chunker.MIN_SIZE - 64) {
                continue;
            }
            int b = data[i] & 0xff;
            int out = window[windowPosition] & 0xff;
            window[windowPosition] = (byte) b;
            windowPosition = (windowPosition + 1) & 63;
            digest ^= tables.out[out];
            int index = (int) (digest >>> tables.polynomialShift);
            digest = (digest << 8) | b;
            digest ^= tables.mod[index];
            if (((digest & ((1L << 20) - 1)) == 0 || count >= Chunker.MAX_SIZE) && count >= Chunker.MIN_SIZE) {
                lengths.add(count);
                fresh = true;
            }
        }
        if (!fresh && count > 0) {
            lengths.add(count);
        }
        return lengths;
    }
}
