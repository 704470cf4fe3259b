package org.lifeboat.repository.filter;

import java.util.List;

/** A set of patterns: a path is matched when any pattern matches it (restic's {@code --exclude}/{@code --include}). */
public record PathFilter(List<GlobPattern> patterns) {
    public static final PathFilter NONE = new PathFilter(List.of());

    public PathFilter {
        patterns = List.copyOf(patterns);
    }

    /** @throws IllegalArgumentException naming the first malformed pattern */
    public static PathFilter parse(List<String> patterns) {
        return new PathFilter(patterns.stream().map(GlobPattern::parse).toList());
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public boolean matches(List<String> path) {
        for (GlobPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
