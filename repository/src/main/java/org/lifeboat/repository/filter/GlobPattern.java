package org.lifeboat.repository.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One exclude or include pattern with restic's semantics ({@code internal/filter/filter.go}).
 *
 * <p>Pattern and path are compared component by component with shell wildcards ({@code *}, {@code ?},
 * {@code [...]}, never crossing {@code /}); {@code **} matches any number of components. A pattern starting with
 * {@code /} must match from the root; any other pattern may match at any depth. The pattern matches a path if it
 * matches any run of its components, so {@code cache} matches {@code /home/u/cache/x} too.
 */
public final class GlobPattern {
    private final String text;
    private final boolean absolute;
    private final List<Pattern> components;

    private GlobPattern(String text, boolean absolute, List<Pattern> components) {
        this.text = text;
        this.absolute = absolute;
        this.components = components;
    }

    /** @throws IllegalArgumentException naming the pattern if it is empty or malformed */
    public static GlobPattern parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("an empty pattern matches nothing; remove it");
        }
        boolean absolute = trimmed.startsWith("/");
        List<Pattern> components = new ArrayList<>();
        for (String part : trimmed.split("/+")) {
            if (part.isEmpty()) {
                continue;
            }
            components.add(part.equals("**") ? null : compile(text, part));
        }
        return new GlobPattern(trimmed, absolute, components);
    }

    private static Pattern compile(String text, String part) {
        try {
            return Pattern.compile(GlobToRegex.convert(part), Pattern.DOTALL);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad pattern '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Whether the pattern matches the path given as its components from the root (no empty strings). */
    public boolean matches(List<String> path) {
        int maxOffset = absolute ? 0 : path.size();
        for (int offset = 0; offset <= maxOffset; offset++) {
            if (matchesAt(0, path, offset)) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesAt(int patternIndex, List<String> path, int pathIndex) {
        if (patternIndex == components.size()) {
            return true;
        }
        Pattern component = components.get(patternIndex);
        if (component == null) {
            for (int skip = pathIndex; skip <= path.size(); skip++) {
                if (matchesAt(patternIndex + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        return pathIndex < path.size()
                && component.matcher(path.get(pathIndex)).matches()
                && matchesAt(patternIndex + 1, path, pathIndex + 1);
    }

    @Override
    public String toString() {
        return text;
    }
}
