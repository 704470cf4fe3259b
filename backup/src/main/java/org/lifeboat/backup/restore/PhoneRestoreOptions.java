package org.lifeboat.backup.restore;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lifeboat.android.collect.DataType;
import org.lifeboat.repository.filter.GlobPattern;
import org.lifeboat.repository.filter.PathFilter;

/**
 * What to restore. Patterns are restic globs over snapshot paths ({@code /files/DCIM/**}, {@code *.mp4}); one that
 * matches a folder covers everything below it, and an exclude wins over an include.
 *
 * <p>Only a pattern starting with {@code /} can leave out a whole type or an app. A pattern without one matches at
 * any depth below {@code /files} and selects files only: under restic's rules {@code --exclude calls}, meant for a
 * {@code Recordings/calls} folder, would also match the {@code /calls} type folder and drop the call log.
 *
 * @param types the data types, by default all of them
 * @param includes select files ({@code /files/...}, or relative to {@code /files}); empty selects all
 * @param excludes leave out files, apps ({@code /apps/<package>}) or whole types ({@code /contacts}); empty leaves out
 *     nothing
 * @param dryRun plan only: show what would change on the phone and change nothing
 * @throws IllegalArgumentException for an exclude that could only match inside a type other than files, or inside an
 *     app, which are restored whole
 */
public record PhoneRestoreOptions(Set<DataType> types, PathFilter includes, PathFilter excludes, boolean dryRun) {
    public PhoneRestoreOptions {
        types = Set.copyOf(types);
        Objects.requireNonNull(includes, "includes");
        Objects.requireNonNull(excludes, "excludes");
        excludes.patterns().forEach(PhoneRestoreOptions::checkExclude);
    }

    /** Options that leave out nothing of {@code types} by path. */
    public PhoneRestoreOptions(Set<DataType> types, PathFilter includes, boolean dryRun) {
        this(types, includes, PathFilter.NONE, dryRun);
    }

    public static PhoneRestoreOptions everything() {
        return new PhoneRestoreOptions(EnumSet.allOf(DataType.class), PathFilter.NONE, PathFilter.NONE, false);
    }

    /** Whether {@code type} is restored: chosen, and its folder not excluded by an absolute pattern. */
    public boolean selects(DataType type) {
        return types.contains(type) && !matchesAbsolute(excludes, List.of(type.folder()));
    }

    /** Whether the file at snapshot path {@code components} ({@code [files, DCIM, a.jpg]}) is restored. */
    boolean selects(List<String> components) {
        boolean included = includes.isEmpty();
        for (int end = 1; end <= components.size(); end++) {
            List<String> prefix = components.subList(0, end);
            if (matchesFile(excludes, prefix)) {
                return false;
            }
            included |= matchesFile(includes, prefix);
        }
        return included;
    }

    /** Whether an app's folder ({@code [apps, <package>]}) escapes the excludes; includes select files only. */
    boolean keepsApp(String packageName) {
        return !matchesAbsolute(excludes, List.of(DataType.APPS.folder(), packageName));
    }

    /** Absolute patterns match from the snapshot's root; relative ones below the type folder, never the folder. */
    private static boolean matchesFile(PathFilter filter, List<String> prefix) {
        List<String> belowTypeFolder = prefix.subList(1, prefix.size());
        for (GlobPattern pattern : filter.patterns()) {
            boolean matches = isAbsolute(pattern)
                    ? pattern.matches(prefix)
                    : !belowTypeFolder.isEmpty() && pattern.matches(belowTypeFolder);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAbsolute(PathFilter filter, List<String> path) {
        return filter.patterns().stream().anyMatch(pattern -> isAbsolute(pattern) && pattern.matches(path));
    }

    private static boolean isAbsolute(GlobPattern pattern) {
        return pattern.toString().startsWith("/");
    }

    /**
     * Rejects an absolute exclude that cannot match a type folder, an app's folder or a path in {@code /files}: types
     * other than files and apps are restored whole, so {@code /messages/mms-parts} would silently leave out nothing.
     */
    private static void checkExclude(GlobPattern pattern) {
        if (!isAbsolute(pattern)) {
            return;
        }
        List<String> components = Arrays.stream(pattern.toString().split("/+"))
                .filter(component -> !component.isEmpty())
                .toList();
        if (components.isEmpty() || components.getFirst().equals("**")) {
            return;
        }
        GlobPattern first = GlobPattern.parse("/" + components.getFirst());
        long belowFirst =
                components.stream().skip(1).filter(c -> !c.equals("**")).count();
        boolean excludesSomething = EnumSet.allOf(DataType.class).stream()
                .filter(type -> first.matches(List.of(type.folder())))
                .anyMatch(type ->
                        type == DataType.FILES || belowFirst == 0 || (type == DataType.APPS && belowFirst == 1));
        if (!excludesSomething) {
            throw new IllegalArgumentException("--exclude '" + pattern + "' leaves out nothing: it can exclude files"
                    + " ('/files/Download', '*.mp4'), an app ('/apps/com.example.game') or a whole type ('/messages');"
                    + " other types and apps are restored whole");
        }
    }
}
