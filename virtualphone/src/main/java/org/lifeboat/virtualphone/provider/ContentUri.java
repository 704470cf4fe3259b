package org.lifeboat.virtualphone.provider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code content://authority/path?query} URI, parsed as leniently as {@code android.net.Uri.parse}: it never
 * fails, and a string without an authority gives a null authority.
 */
public record ContentUri(String text, String authority, List<String> path, Map<String, String> query) {
    public ContentUri {
        path = List.copyOf(path);
        query = Map.copyOf(query);
    }

    public static ContentUri parse(String text) {
        String rest = text;
        int schemeEnd = rest.indexOf("://");
        String authority = null;
        if (schemeEnd >= 0) {
            rest = rest.substring(schemeEnd + 3);
            int authorityEnd = firstOf(rest, "/?#");
            authority = rest.substring(0, authorityEnd);
            rest = rest.substring(authorityEnd);
        }
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        Map<String, String> query = new LinkedHashMap<>();
        int queryStart = rest.indexOf('?');
        if (queryStart >= 0) {
            for (String pair : rest.substring(queryStart + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                    query.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            rest = rest.substring(0, queryStart);
        }
        List<String> path = new ArrayList<>();
        for (String segment : rest.split("/")) {
            if (!segment.isEmpty()) {
                path.add(decode(segment));
            }
        }
        return new ContentUri(text, authority, path, query);
    }

    private static int firstOf(String s, String characters) {
        for (int i = 0; i < s.length(); i++) {
            if (characters.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Query parameter read the way {@code Uri.getBooleanQueryParameter} does: "false" and "0" are false. */
    public boolean flag(String name) {
        String value = query.get(name);
        return value != null && !value.equalsIgnoreCase("false") && !value.equals("0");
    }

    /**
     * Every value of a repeated query parameter, in order, decoded like {@code Uri.getQueryParameters} ('+' stays a
     * plus); {@link #query()} keeps only the first.
     */
    public List<String> queryParameters(String name) {
        int queryStart = text.indexOf('?');
        if (queryStart < 0) {
            return List.of();
        }
        int fragment = text.indexOf('#', queryStart);
        String queryText = text.substring(queryStart + 1, fragment < 0 ? text.length() : fragment);
        List<String> values = new ArrayList<>();
        for (String pair : queryText.split("&")) {
            int eq = pair.indexOf('=');
            if (!pair.isEmpty() && decode(eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                values.add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return List.copyOf(values);
    }

    public String segment(int index) {
        return index < path.size() ? path.get(index) : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
