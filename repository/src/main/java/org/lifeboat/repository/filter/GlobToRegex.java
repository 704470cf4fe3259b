package org.lifeboat.repository.filter;

import java.util.regex.Pattern;

/** Translates one path component's shell wildcard ({@code * ? [a-z] [!x] \c}) into a regular expression. */
final class GlobToRegex {
    private GlobToRegex() {}

    static String convert(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '\\' -> {
                    if (i == glob.length()) {
                        throw new IllegalArgumentException("a pattern cannot end with a backslash");
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(i++))));
                }
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed '[' in '" + glob + "'");
                    }
                    String set = glob.substring(i, end);
                    if (set.startsWith("!") || set.startsWith("^")) {
                        set = "^" + set.substring(1);
                    }
                    regex.append('[')
                            .append(set.replace("\\", "\\\\").replace("[", "\\["))
                            .append(']');
                    i = end + 1;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
