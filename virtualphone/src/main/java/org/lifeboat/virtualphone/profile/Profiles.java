package org.lifeboat.virtualphone.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Finds profiles by name or folder. Built-in profiles are generated once per (name, scale, generator version) into
 * a cache folder; generation goes to a temporary sibling that is renamed into place, so a cache entry is either
 * complete or absent, also with several JVMs racing.
 */
public final class Profiles {
    /** The seed and present of the built-in profiles: fixed, so every machine sees the same demo phone. */
    public static final long SEED = 0x4C69_6665_626F_6174L;

    public static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");
    /** Bumped whenever generation changes its output, so stale caches are not reused. */
    static final int GENERATOR_VERSION = 1;

    private Profiles() {}

    /** {@link #resolve(String, int, Path)} at scale 1 in the {@linkplain #defaultCacheRoot() default cache}. */
    public static Profile resolve(String nameOrDir) {
        return resolve(nameOrDir, 1, defaultCacheRoot());
    }

    /**
     * A built-in profile ({@code blank}, {@code demo}) generated on first use, or the profile folder at that path.
     *
     * @param scale media and message multiplier for {@code demo}; other profiles accept only 1
     * @throws InvalidProfileException for an unknown name, a folder that is not a profile, or a bad scale
     */
    public static Profile resolve(String nameOrDir, int scale, Path cacheRoot) {
        var builtIn = BuiltInProfile.byName(nameOrDir);
        if (builtIn.isEmpty()) {
            if (scale != 1) {
                throw new InvalidProfileException(
                        "--scale applies to the built-in demo profile only, not to " + nameOrDir);
            }
            return Profile.open(Path.of(nameOrDir));
        }
        if (scale < 1 || (builtIn.get() == BuiltInProfile.BLANK && scale != 1)) {
            throw new InvalidProfileException(
                    "scale must be at least 1 (and exactly 1 for blank), got " + scale + " for " + nameOrDir);
        }
        Path folder = cacheRoot.resolve(nameOrDir + "-x" + scale + "-v" + GENERATOR_VERSION);
        if (!Files.isDirectory(folder)) {
            generate(builtIn.get(), scale, folder);
        }
        return new Profile(folder);
    }

    /** {@code lifeboat.profile.cache} if set, else {@code lifeboat-profiles} in the temporary-files folder. */
    public static Path defaultCacheRoot() {
        String configured = System.getProperty("lifeboat.profile.cache");
        return configured != null
                ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "lifeboat-profiles");
    }

    private static void generate(BuiltInProfile which, int scale, Path folder) {
        Path staging = null;
        try {
            Files.createDirectories(folder.getParent());
            staging = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".tmp");
            new ProfileWriter(new SplittableRandom(SEED), NOW).write(which, scale, staging);
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The rename fails when another process generated the same entry first; theirs is as good as ours.
            if (!Files.isDirectory(folder)) {
                throw new UncheckedIOException(
                        "cannot generate the " + which.profileName() + " profile in " + folder, e);
            }
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void deleteQuietly(Path tree) {
        if (tree == null || !Files.exists(tree)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(tree)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftover staging folders are harmless: their names never match a cache entry.
        }
    }
}
