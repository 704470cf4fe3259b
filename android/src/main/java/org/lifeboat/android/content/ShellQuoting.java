package org.lifeboat.android.content;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting for the device's {@code /system/bin/sh}: {@code adb shell} joins its arguments with spaces and lets that
 * shell split them again (android-data.md §1), so every word carrying user data is single-quoted here.
 */
public final class ShellQuoting {

    private ShellQuoting() {}

    /**
     * One word, single-quoted, with each {@code '} written as {@code '\''}. Newlines are fine inside single quotes;
     * NUL cannot be passed in an argument at all and is rejected.
     */
    public static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain NUL: " + word.replace("\0", "\\0"));
        }
        if (!word.isEmpty() && word.chars().allMatch(ShellQuoting::isSafe)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** A command line whose words the device shell splits back into exactly {@code words}. */
    public static String join(List<String> words) {
        return words.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "_-./:@,+%".indexOf(c) >= 0;
    }
}
