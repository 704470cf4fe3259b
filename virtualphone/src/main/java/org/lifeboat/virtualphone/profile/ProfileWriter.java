package org.lifeboat.virtualphone.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.lifeboat.virtualphone.profile.demo.AppPackage;
import org.lifeboat.virtualphone.profile.demo.DemoPhone;
import org.lifeboat.virtualphone.profile.demo.SystemImage;

/**
 * Writes the built-in profiles. The output depends only on the random generator's sequence, {@code now} and the
 * scale: never on the host's clock, time zone or locale.
 */
public final class ProfileWriter {
    /** The folders a freshly set-up Android 14 phone has in shared storage. */
    private static final List<String> STANDARD_FOLDERS = List.of(
            "Alarms",
            "Android/data",
            "Android/media",
            "Android/obb",
            "Audiobooks",
            "DCIM",
            "Documents",
            "Download",
            "Movies",
            "Music",
            "Notifications",
            "Pictures",
            "Podcasts",
            "Recordings",
            "Ringtones");

    private final RandomGenerator random;
    private final Instant now;

    /**
     * @param random consumed in a fixed order; the same sequence gives the same profile bytes
     * @param now the phone's present: the newest data is just before it, the oldest three years earlier
     */
    public ProfileWriter(RandomGenerator random, Instant now) {
        this.random = random;
        this.now = now;
    }

    /**
     * Writes {@code which} into {@code target}, which must be missing or empty.
     *
     * @param scale multiplies media and messages of the demo profile; must be 1 for {@code blank}
     */
    public Profile write(BuiltInProfile which, int scale, Path target) throws IOException {
        if (scale < 1 || (which == BuiltInProfile.BLANK && scale != 1)) {
            throw new IllegalArgumentException("scale must be 1 for blank and at least 1 for demo, got " + scale);
        }
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new IllegalArgumentException("profile target " + target + " exists and is not empty");
        }
        Profile profile = new Profile(target);
        switch (which) {
            case BLANK -> writeBlank(profile);
            case DEMO -> writeDemo(profile, scale);
        }
        return profile;
    }

    private void writeBlank(Profile profile) throws IOException {
        String serial = "LBBLANK" + HexFormat.of().toHexDigits(random.nextInt()).toUpperCase(Locale.ROOT);
        String androidId = HexFormat.of().toHexDigits(random.nextLong());
        ProfileFiles.writeProperties(profile.deviceProperties(), SystemImage.deviceProperties(serial));
        writeSettings(profile, SystemImage.defaultSettings(androidId));
        writeSdcardFolders(profile);
        ProfileFiles.settleDirectoryTimes(profile.sdcard(), now);
        writeEmptyProviders(profile);
        ProfileFiles.writeTables(profile.wifi(), Map.of("networks", List.of()));
        for (AppPackage app : SystemImage.systemPackages(now.minusSeconds(3_600))) {
            writeApp(profile, app);
        }
    }

    private void writeDemo(Profile profile, int scale) throws IOException {
        DemoPhone phone = new DemoPhone(random, now, scale);
        ProfileFiles.writeProperties(profile.deviceProperties(), phone.deviceProperties());
        writeSettings(profile, phone.settings());
        writeSdcardFolders(profile);
        phone.writeSdcard(
                (path, modified, content) -> ProfileFiles.write(profile.sdcard().resolve(path), content, modified));
        ProfileFiles.settleDirectoryTimes(profile.sdcard(), now);
        ProfileFiles.writeTables(profile.contacts(), phone.contacts());
        ProfileFiles.writeTables(profile.sms(), phone.sms());
        ProfileFiles.writeTables(profile.mms(), phone.mms());
        Files.createDirectories(profile.mmsParts());
        for (Map.Entry<String, byte[]> part : phone.mmsPartFiles().entrySet()) {
            Files.write(profile.mmsParts().resolve(part.getKey()), part.getValue());
        }
        ProfileFiles.writeTables(profile.callLog(), phone.callLog());
        ProfileFiles.writeTables(profile.calendar(), phone.calendar());
        ProfileFiles.writeTables(profile.wifi(), Map.of("networks", phone.wifiNetworks()));
        for (AppPackage app : phone.apps()) {
            writeApp(profile, app);
        }
    }

    private void writeSdcardFolders(Profile profile) throws IOException {
        for (String folder : STANDARD_FOLDERS) {
            Files.createDirectories(profile.sdcard().resolve(folder));
        }
    }

    private static void writeSettings(Profile profile, Map<String, Map<String, String>> settings) throws IOException {
        for (SettingsNamespace namespace : SettingsNamespace.values()) {
            ProfileFiles.writeProperties(
                    profile.settings(namespace), settings.getOrDefault(namespace.commandName(), Map.of()));
        }
    }

    private static void writeEmptyProviders(Profile profile) throws IOException {
        ProfileFiles.writeTables(profile.contacts(), tables("raw_contacts", "data", "groups"));
        ProfileFiles.writeTables(profile.sms(), tables("sms"));
        ProfileFiles.writeTables(profile.mms(), tables("pdu"));
        Files.createDirectories(profile.mmsParts());
        ProfileFiles.writeTables(profile.callLog(), tables("calls"));
        ProfileFiles.writeTables(profile.calendar(), tables("calendars", "events", "reminders", "attendees"));
    }

    private static Map<String, List<Map<String, Object>>> tables(String... names) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String name : names) {
            tables.put(name, List.of());
        }
        return tables;
    }

    private static void writeApp(Profile profile, AppPackage app) throws IOException {
        Path folder = profile.apps().resolve(app.packageName());
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> apk : new java.util.TreeMap<>(app.apks()).entrySet()) {
            Files.write(folder.resolve(apk.getKey()), apk.getValue());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("packageName", app.packageName());
        json.put("versionCode", app.versionCode());
        json.put("versionName", app.versionName());
        json.put("installer", app.installer().orElse(null));
        json.put("targetSdk", app.targetSdk());
        json.put("minSdk", app.minSdk());
        json.put("system", app.system());
        json.put("uid", app.uid());
        json.put("firstInstallTime", app.firstInstallTime());
        json.put("lastUpdateTime", app.lastUpdateTime());
        ProfileFiles.writeObject(folder.resolve(Profile.PACKAGE_JSON), json);
    }

    private static boolean isEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (var entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }
}
