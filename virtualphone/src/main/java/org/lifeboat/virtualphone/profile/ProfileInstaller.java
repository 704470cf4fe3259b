package org.lifeboat.virtualphone.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lifeboat.virtualphone.device.StateLayout;

/**
 * Initialises an empty state folder from a profile, in the phone's {@link StateLayout}: {@code device.properties}
 * at the top, the profile's {@code sdcard/} as {@code fs/storage/emulated/0} with every file and folder mtime kept,
 * and {@code providers/}, {@code settings/}, {@code wifi.json} and {@code apps/} under their profile names for the
 * providers and the package manager to load. Everything is copied to a staging folder first and
 * {@code device.properties} is moved in last, so a state folder with it is complete.
 */
public final class ProfileInstaller {
    private static final String SHARED_STORAGE = "storage/emulated/0";

    private ProfileInstaller() {}

    /**
     * Installs {@code profile} if {@code stateDir} is missing or empty.
     *
     * @return true if it installed, false if the folder already holds a phone (which is then left alone)
     */
    public static boolean installIfEmpty(Profile profile, Path stateDir) {
        if (!isEmpty(stateDir)) {
            return false;
        }
        install(profile, stateDir);
        return true;
    }

    /**
     * @throws StateNotEmptyException if {@code stateDir} holds anything
     * @throws InvalidProfileException if the profile has malformed files or symbolic links
     */
    public static void install(Profile profile, Path stateDir) {
        if (!isEmpty(stateDir)) {
            throw new StateNotEmptyException(stateDir);
        }
        ProfileCheck.check(profile);
        StateLayout layout = new StateLayout(stateDir);
        Path staging = null;
        try {
            Files.createDirectories(layout.stateDir());
            staging = Files.createTempDirectory(layout.stateDir(), ".installing");
            copyTree(profile.sdcard(), layout.fileSystemRoot().resolve(SHARED_STORAGE), staging, layout.stateDir());
            for (String part : List.of(Profile.PROVIDERS, Profile.SETTINGS, Profile.APPS, Profile.WIFI)) {
                copyTree(profile.root().resolve(part), layout.stateDir().resolve(part), staging, layout.stateDir());
            }
            // A profile without sdcard/ still gets an (empty) shared storage.
            Files.createDirectories(staging.resolve(layout.stateDir()
                    .relativize(layout.fileSystemRoot().resolve(SHARED_STORAGE))
                    .toString()));
            Path properties = staging.resolve(Profile.DEVICE_PROPERTIES);
            if (Files.exists(profile.deviceProperties())) {
                Files.copy(profile.deviceProperties(), properties, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.createFile(properties);
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(staging)) {
                entries =
                        new ArrayList<>(list.filter(p -> !p.equals(properties)).toList());
            }
            entries.add(properties);
            for (Path entry : entries) {
                Files.move(entry, layout.stateDir().resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot initialise state folder " + stateDir + " from " + profile.root(), e);
        } finally {
            deleteEmpty(staging);
        }
    }

    /** Copies {@code source} (file or tree) to the place {@code target} takes inside {@code staging}. */
    private static void copyTree(Path source, Path target, Path staging, Path stateDir) throws IOException {
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path destination = staging.resolve(stateDir.relativize(target).toString());
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path copy = destination.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(copy);
                    directories.add(path);
                } else {
                    Files.createDirectories(copy.getParent());
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
        // Creating entries changed the copied folders' mtimes; restore them deepest first.
        directories.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path directory : directories) {
            Path copy = destination.resolve(source.relativize(directory).toString());
            Files.setLastModifiedTime(copy, Files.getLastModifiedTime(directory));
        }
    }

    private static boolean isEmpty(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new StateNotEmptyException(folder);
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list state folder " + folder, e);
        }
    }

    private static void deleteEmpty(Path staging) {
        if (staging == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A staging folder only remains after a failure that was already reported.
        }
    }
}
