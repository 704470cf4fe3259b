package org.lifeboat.virtualphone.provider.sql;

/** LIKE (ASCII case-insensitive, {@code %} and {@code _}) and GLOB ({@code *}, {@code ?}, case-sensitive). */
final class Patterns {
    private Patterns() {}

    static boolean matches(String pattern, String text, boolean glob, String escape) {
        int[] p = (glob ? pattern : SqlValues.asciiLower(pattern)).codePoints().toArray();
        int[] t = (glob ? text : SqlValues.asciiLower(text)).codePoints().toArray();
        int escapeChar = escape == null || escape.isEmpty() ? -1 : escape.codePointAt(0);
        return match(p, 0, t, 0, glob ? '*' : '%', glob ? '?' : '_', escapeChar);
    }

    private static boolean match(int[] p, int pi, int[] t, int ti, int many, int one, int escape) {
        while (pi < p.length) {
            int c = p[pi];
            if (c == escape && pi + 1 < p.length) {
                if (ti >= t.length || t[ti] != p[pi + 1]) {
                    return false;
                }
                pi += 2;
                ti++;
            } else if (c == many) {
                for (int k = ti; k <= t.length; k++) {
                    if (match(p, pi + 1, t, k, many, one, escape)) {
                        return true;
                    }
                }
                return false;
            } else if (c == one) {
                if (ti >= t.length) {
                    return false;
                }
                pi++;
                ti++;
            } else {
                if (ti >= t.length || t[ti] != c) {
                    return false;
                }
                pi++;
                ti++;
            }
        }
        return ti == t.length;
    }
}
