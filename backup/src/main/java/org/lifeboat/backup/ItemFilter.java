package org.lifeboat.backup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.lifeboat.android.collect.CollectedItem;
import org.lifeboat.repository.filter.PathFilter;

/**
 * {@code --include} / {@code --exclude} over phone files, with restic's glob syntax and snapshot paths
 * ({@code /files/DCIM/Camera/x.jpg}). A pattern that matches a folder covers everything below it. Exports
 * (vCards, XML, JSON) are never filtered: they are one file per type, chosen with {@code --only}/{@code --skip}.
 */
final class ItemFilter {
    private final PathFilter includes;
    private final PathFilter excludes;

    /** @throws IllegalArgumentException naming a malformed pattern */
    ItemFilter(List<String> includes, List<String> excludes) {
        this.includes = PathFilter.parse(includes);
        this.excludes = PathFilter.parse(excludes);
    }

    record Result(List<CollectedItem> kept, long filesLeftOut) {}

    Result apply(List<CollectedItem> items) {
        if (includes.isEmpty() && excludes.isEmpty()) {
            return new Result(items, 0);
        }
        Set<CollectedItem> files = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<List<String>> neededFolders = new HashSet<>();
        long leftOut = 0;
        for (CollectedItem item : items) {
            if (!(item instanceof CollectedItem.PhoneFile file)) {
                continue;
            }
            if (isSelected(file.path())) {
                files.add(file);
                for (int end = 1; end < file.path().size(); end++) {
                    neededFolders.add(file.path().subList(0, end));
                }
            } else {
                leftOut++;
            }
        }
        List<CollectedItem> kept = new ArrayList<>();
        for (CollectedItem item : items) {
            boolean keep =
                    switch (item) {
                        case CollectedItem.Generated generated -> true;
                        case CollectedItem.PhoneFile file -> files.contains(file);
                        case CollectedItem.PhoneDirectory directory ->
                            neededFolders.contains(directory.path()) || isSelected(directory.path());
                    };
            if (keep) {
                kept.add(item);
            }
        }
        return new Result(kept, leftOut);
    }

    private boolean isSelected(List<String> path) {
        boolean included = includes.isEmpty();
        for (int end = 1; end <= path.size(); end++) {
            List<String> prefix = path.subList(0, end);
            if (excludes.matches(prefix)) {
                return false;
            }
            included |= includes.matches(prefix);
        }
        return included;
    }
}
