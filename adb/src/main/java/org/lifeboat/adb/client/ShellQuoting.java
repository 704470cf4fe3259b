package org.lifeboat.adb.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Quotes one word for the phone's {@code /system/bin/sh} the way adb's own {@code escape_arg} does
 * (AOSP system/core/adb/adb_utils.cpp): wrap it in single quotes and write every {@code '} as {@code '\''}. Inside
 * single quotes the shell gives no byte a special meaning, so this is safe for newlines, {@code $}, backquotes,
 * backslashes and bytes that are not UTF-8. Only NUL cannot be passed, because the word ends up in a C string.
 */
public final class ShellQuoting {
    private ShellQuoting() {}

    /** The quoted form of {@code word}. */
    public static byte[] quote(byte[] word) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(word.length + 2);
        out.write('\'');
        for (byte b : word) {
            if (b == 0) {
                throw new IllegalArgumentException("a shell argument cannot contain a NUL byte");
            }
            if (b == '\'') {
                out.write('\'');
                out.write('\\');
                out.write('\'');
                out.write('\'');
            } else {
                out.write(b);
            }
        }
        out.write('\'');
        return out.toByteArray();
    }

    /** The quoted form of {@code word}, encoded in UTF-8. */
    public static String quote(String word) {
        return new String(quote(word.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /**
     * A command line whose words the phone's shell splits back into exactly {@code words}. Words made only of
     * characters the shell never treats specially stay bare, so logged command lines read like the ones people type.
     */
    public static String join(List<String> words) {
        return words.stream().map(ShellQuoting::quoteIfNeeded).collect(Collectors.joining(" "));
    }

    /** {@code word} as it stands in a {@link #join joined} command line: bare when safe, else quoted. */
    public static String quoteIfNeeded(String word) {
        return !word.isEmpty() && word.chars().allMatch(ShellQuoting::isSafe) ? word : quote(word);
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "_-./:@,+%".indexOf(c) >= 0;
    }
}
