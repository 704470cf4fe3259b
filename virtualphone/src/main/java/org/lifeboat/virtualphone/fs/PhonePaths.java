package org.lifeboat.virtualphone.fs;

import java.util.ArrayList;
import java.util.List;

/** String helpers for phone paths, which are always '/'-separated whatever the host is. */
public final class PhonePaths {
    private PhonePaths() {}

    /** {@code path} made absolute against the working directory {@code cwd}, without touching the file system. */
    public static String absolute(String cwd, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        if (path.isEmpty()) {
            return cwd;
        }
        return cwd.endsWith("/") ? cwd + path : cwd + "/" + path;
    }

    /** The last component ({@code basename}); "/" for the root. Trailing slashes are ignored. */
    public static String name(String path) {
        String trimmed = stripTrailingSlashes(path);
        if (trimmed.equals("/")) {
            return "/";
        }
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }

    /** Everything before the last component ({@code dirname}): "." for a bare name, "/" for top-level names. */
    public static String parent(String path) {
        String trimmed = stripTrailingSlashes(path);
        int slash = trimmed.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : stripTrailingSlashes(trimmed.substring(0, slash));
    }

    /** {@code dir} and {@code name} joined with exactly one '/'. */
    public static String child(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** The non-empty components of {@code path}, "." and ".." included as they are. */
    public static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
