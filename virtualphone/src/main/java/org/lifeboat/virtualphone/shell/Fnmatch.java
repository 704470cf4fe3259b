package org.lifeboat.virtualphone.shell;

/**
 * Shell wildcard matching as {@code fnmatch(3)} without flags does it, for globbing and {@code find -name}:
 * {@code *}, {@code ?}, bracket expressions with {@code !} or {@code ^} negation and ranges, and backslash escapes.
 */
public final class Fnmatch {
    private Fnmatch() {}

    public static boolean matches(String pattern, String name) {
        return match(pattern, 0, name, 0);
    }

    /** Whether {@code text} holds an unescaped wildcard character. */
    public static boolean hasWildcards(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** {@code text} with every wildcard and backslash escaped, so it matches only itself. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.toString();
    }

    private static boolean match(String pattern, int p, String name, int n) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            switch (c) {
                case '*' -> {
                    while (p < pattern.length() && pattern.charAt(p) == '*') {
                        p++;
                    }
                    if (p == pattern.length()) {
                        return true;
                    }
                    for (int i = n; i <= name.length(); i++) {
                        if (match(pattern, p, name, i)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (n >= name.length()) {
                        return false;
                    }
                    p++;
                    n++;
                }
                case '[' -> {
                    int end = bracketEnd(pattern, p);
                    if (end < 0) {
                        if (n >= name.length() || name.charAt(n) != '[') {
                            return false;
                        }
                        p++;
                        n++;
                    } else {
                        if (n >= name.length() || !bracketMatches(pattern, p + 1, end, name.charAt(n))) {
                            return false;
                        }
                        p = end + 1;
                        n++;
                    }
                }
                default -> {
                    if (c == '\\' && p + 1 < pattern.length()) {
                        c = pattern.charAt(++p);
                    }
                    if (n >= name.length() || name.charAt(n) != c) {
                        return false;
                    }
                    p++;
                    n++;
                }
            }
        }
        return n == name.length();
    }

    private static int bracketEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++;
        }
        while (i < pattern.length() && pattern.charAt(i) != ']') {
            i++;
        }
        return i < pattern.length() ? i : -1;
    }

    private static boolean bracketMatches(String pattern, int from, int end, char c) {
        boolean negate = pattern.charAt(from) == '!' || pattern.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char low = pattern.charAt(i);
            if (low == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < end && pattern.charAt(i + 1) == '-') {
                char high = pattern.charAt(i + 2);
                found |= c >= low && c <= high;
                i += 3;
            } else {
                found |= c == low;
                i++;
            }
        }
        return found != negate;
    }
}
