package org.lifeboat.repository.tree;

/** UTF-8 decoding with Go's validity rules (no overlong forms, no surrogates, nothing above U+10FFFF). */
final class Utf8 {
    private Utf8() {}

    /** The length of the valid sequence starting at {@code i}, or 0 if the byte there does not start one. */
    static int sequenceLength(byte[] bytes, int i) {
        int b0 = bytes[i] & 0xff;
        if (b0 < 0x80) {
            return 1;
        }
        int size;
        int min;
        int max;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            size = 2;
            min = 0x80;
            max = 0xbf;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            size = 3;
            min = b0 == 0xe0 ? 0xa0 : 0x80;
            max = b0 == 0xed ? 0x9f : 0xbf;
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            size = 4;
            min = b0 == 0xf0 ? 0x90 : 0x80;
            max = b0 == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        if (i + size > bytes.length) {
            return 0;
        }
        int b1 = bytes[i + 1] & 0xff;
        if (b1 < min || b1 > max) {
            return 0;
        }
        for (int k = 2; k < size; k++) {
            int b = bytes[i + k] & 0xff;
            if (b < 0x80 || b > 0xbf) {
                return 0;
            }
        }
        return size;
    }

    static int decode(byte[] bytes, int i, int size) {
        int b0 = bytes[i] & 0xff;
        return switch (size) {
            case 1 -> b0;
            case 2 -> (b0 & 0x1f) << 6 | (bytes[i + 1] & 0x3f);
            case 3 -> (b0 & 0x0f) << 12 | (bytes[i + 1] & 0x3f) << 6 | (bytes[i + 2] & 0x3f);
            default ->
                (b0 & 0x07) << 18 | (bytes[i + 1] & 0x3f) << 12 | (bytes[i + 2] & 0x3f) << 6 | (bytes[i + 3] & 0x3f);
        };
    }
}
