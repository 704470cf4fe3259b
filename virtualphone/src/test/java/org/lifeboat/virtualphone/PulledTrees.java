package org.lifeboat.virtualphone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Compares a folder {@code adb pull -a} wrote with the profile folder it came from. */
final class PulledTrees {
    private PulledTrees() {}

    /** Same names, same bytes, and the same whole-second file mtimes (pull -a sets those of files). */
    static void assertSame(Path expected, Path actual) throws IOException {
        List<Path> expectedNames = relativeNames(expected);
        assertThat(expectedNames).as("profile folder %s", expected).isNotEmpty();
        assertThat(relativeNames(actual)).as("pulled %s", actual).containsExactlyElementsOf(expectedNames);
        for (Path name : expectedNames) {
            Path source = expected.resolve(name);
            Path copy = actual.resolve(name);
            if (Files.isRegularFile(source)) {
                assertThat(Files.mismatch(source, copy)).as("bytes of %s", name).isEqualTo(-1L);
                assertThat(Files.getLastModifiedTime(copy))
                        .as("mtime of %s", name)
                        .isEqualTo(Files.getLastModifiedTime(source));
            }
        }
    }

    private static List<Path> relativeNames(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(root::relativize).sorted().toList();
        }
    }
}
