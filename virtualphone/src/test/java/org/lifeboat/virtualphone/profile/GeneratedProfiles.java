package org.lifeboat.virtualphone.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The built-in profiles, generated once per test JVM into a cache folder removed at exit. */
final class GeneratedProfiles {
    static final Path CACHE;

    static {
        try {
            CACHE = Files.createTempDirectory("lifeboat-profile-tests");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(CACHE)));
    }

    private GeneratedProfiles() {}

    static Profile demo() {
        return Profiles.resolve("demo", 1, CACHE);
    }

    static Profile blank() {
        return Profiles.resolve("blank", 1, CACHE);
    }

    static void delete(Path tree) {
        try (Stream<Path> walk = Files.walk(tree)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
