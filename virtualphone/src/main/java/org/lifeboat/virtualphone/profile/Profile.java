package org.lifeboat.virtualphone.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A profile folder and where each part of it lives (docs/virtual-phone.md describes every file). All parts are
 * optional; a missing part means "nothing of that kind".
 */
public record Profile(Path root) {
    static final String DEVICE_PROPERTIES = "device.properties";
    static final String SDCARD = "sdcard";
    static final String PROVIDERS = "providers";
    static final String SETTINGS = "settings";
    static final String APPS = "apps";
    static final String WIFI = "wifi.json";
    static final String PACKAGE_JSON = "package.json";
    static final String BASE_APK = "base.apk";
    static final List<String> TOP_LEVEL = List.of(DEVICE_PROPERTIES, SDCARD, PROVIDERS, SETTINGS, APPS, WIFI);

    public Profile {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The profile in {@code folder}.
     *
     * @throws InvalidProfileException if it is not a directory or holds none of the profile's files
     */
    public static Profile open(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidProfileException("profile folder " + folder + " does not exist or is not a directory"
                    + " (expected a folder, or one of the built-in names " + builtInNames() + ")");
        }
        Profile profile = new Profile(folder);
        if (TOP_LEVEL.stream().noneMatch(name -> Files.exists(profile.root.resolve(name), LinkOption.NOFOLLOW_LINKS))) {
            throw new InvalidProfileException(
                    "folder " + folder + " is not a profile: it contains none of " + TOP_LEVEL);
        }
        return profile;
    }

    public Path deviceProperties() {
        return root.resolve(DEVICE_PROPERTIES);
    }

    /** Shared storage as /storage/emulated/0 (= /sdcard) sees it. */
    public Path sdcard() {
        return root.resolve(SDCARD);
    }

    public Path providers() {
        return root.resolve(PROVIDERS);
    }

    /** {"raw_contacts":[…],"data":[…],"groups":[…]}. */
    public Path contacts() {
        return providers().resolve("contacts.json");
    }

    /** {"sms":[…]}. */
    public Path sms() {
        return providers().resolve("sms.json");
    }

    /** {"pdu":[…]}, each pdu row with nested "addrs" and "parts" arrays. */
    public Path mms() {
        return providers().resolve("mms.json");
    }

    /** Part bytes, one file per part, named by the last path segment of the part's {@code _data}. */
    public Path mmsParts() {
        return providers().resolve("mms-parts");
    }

    /** {"calls":[…]}. */
    public Path callLog() {
        return providers().resolve("calllog.json");
    }

    /** {"calendars":[…],"events":[…],"reminders":[…],"attendees":[…]}. */
    public Path calendar() {
        return providers().resolve("calendar.json");
    }

    public Path settings(SettingsNamespace namespace) {
        return root.resolve(SETTINGS).resolve(namespace.commandName() + ".properties");
    }

    /** One folder per package: {@code apps/<package>/base.apk}, {@code split_*.apk}, {@code package.json}. */
    public Path apps() {
        return root.resolve(APPS);
    }

    public Path wifi() {
        return root.resolve(WIFI);
    }

    /** The package folders under {@link #apps()}, sorted by package name; empty if there are none. */
    public List<Path> appFolders() {
        if (!Files.isDirectory(apps(), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(apps())) {
            return folders.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidProfileException("cannot list " + apps() + ": " + e.getMessage(), e);
        }
    }

    static String builtInNames() {
        return Stream.of(BuiltInProfile.values())
                .map(BuiltInProfile::profileName)
                .toList()
                .toString();
    }
}
