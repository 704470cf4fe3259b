package org.lifeboat.virtualphone.fs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** {@code strcmp} order of UTF-8 names, which is how toybox sorts and differs from Java's UTF-16 order. */
public final class Utf8Order {
    private Utf8Order() {}

    public static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
