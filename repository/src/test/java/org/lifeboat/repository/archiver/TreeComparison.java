package org.lifeboat.repository.archiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lifeboat.repository.fs.RawNames;
import org.lifeboat.repository.tree.ByteString;

/** Asserts that a restored tree equals the original: names (raw bytes), kinds, contents, modes, mtimes, links. */
public final class TreeComparison {
    private TreeComparison() {}

    public static void assertSameTree(Path expected, Path actual) throws IOException {
        Map<Object, List<String>> expectedLinks = new HashMap<>();
        Map<Object, List<String>> actualLinks = new HashMap<>();
        compare(expected, actual, "", expectedLinks, actualLinks);
        // Hard links: names sharing an inode in the original share one in the copy, and only those.
        assertThat(groups(actualLinks)).as("hard-link groups").isEqualTo(groups(expectedLinks));
    }

    private static void compare(
            Path expected,
            Path actual,
            String where,
            Map<Object, List<String>> expectedLinks,
            Map<Object, List<String>> actualLinks)
            throws IOException {
        Map<ByteString, Path> expectedChildren = children(expected);
        Map<ByteString, Path> actualChildren = children(actual);
        assertThat(actualChildren.keySet())
                .as("names in %s", where.isEmpty() ? "/" : where)
                .containsExactlyElementsOf(expectedChildren.keySet());
        for (Map.Entry<ByteString, Path> entry : expectedChildren.entrySet()) {
            Path original = entry.getValue();
            Path copy = actualChildren.get(entry.getKey());
            String path = where + "/" + entry.getKey();
            Map<String, Object> a = attributes(original);
            Map<String, Object> b = attributes(copy);
            int type = (Integer) a.get("mode") & 0170000;
            assertThat((Integer) b.get("mode") & 0170000).as("type of %s", path).isEqualTo(type);
            if (type != 0120000) {
                assertThat((Integer) b.get("mode") & 07777)
                        .as("mode of %s", path)
                        .isEqualTo((Integer) a.get("mode") & 07777);
            }
            assertThat(b.get("lastModifiedTime")).as("mtime of %s", path).isEqualTo(a.get("lastModifiedTime"));
            switch (type) {
                case 0040000 -> compare(original, copy, path, expectedLinks, actualLinks);
                case 0120000 ->
                    assertThat(RawNames.linkTarget(Files.readSymbolicLink(copy)))
                            .as("target of %s", path)
                            .isEqualTo(RawNames.linkTarget(Files.readSymbolicLink(original)));
                default -> {
                    assertThat(Files.mismatch(original, copy))
                            .as("content of %s", path)
                            .isEqualTo(-1L);
                    expectedLinks
                            .computeIfAbsent(a.get("ino"), k -> new ArrayList<>())
                            .add(path);
                    actualLinks
                            .computeIfAbsent(b.get("ino"), k -> new ArrayList<>())
                            .add(path);
                }
            }
        }
    }

    private static List<List<String>> groups(Map<Object, List<String>> byInode) {
        return byInode.values().stream()
                .filter(names -> names.size() > 1)
                .map(names -> names.stream().sorted().toList())
                .sorted((x, y) -> x.getFirst().compareTo(y.getFirst()))
                .toList();
    }

    private static Map<String, Object> attributes(Path path) throws IOException {
        return Files.readAttributes(path, "unix:mode,ino,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    }

    private static Map<ByteString, Path> children(Path directory) throws IOException {
        Map<ByteString, Path> children = new TreeMap<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
            for (Path child : listing) {
                children.put(RawNames.fileName(child), child);
            }
        }
        return children;
    }
}
