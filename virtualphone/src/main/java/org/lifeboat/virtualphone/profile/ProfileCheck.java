package org.lifeboat.virtualphone.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Checks a profile before anything is copied from it, so bad input never leaves a half-initialised state. */
final class ProfileCheck {
    private static final Map<String, List<String>> PROVIDER_TABLES = Map.of(
            "contacts.json", List.of("raw_contacts", "data", "groups"),
            "sms.json", List.of("sms"),
            "mms.json", List.of("pdu"),
            "calllog.json", List.of("calls"),
            "calendar.json", List.of("calendars", "events", "reminders", "attendees"));
    private static final List<String> PACKAGE_FIELDS = List.of("versionCode", "versionName", "installer", "targetSdk");

    private ProfileCheck() {}

    static void check(Profile profile) {
        rejectLinks(profile.root());
        for (Map.Entry<String, List<String>> file : PROVIDER_TABLES.entrySet()) {
            Path path = profile.providers().resolve(file.getKey());
            if (Files.exists(path)) {
                checkTables(path, file.getValue());
            }
        }
        if (Files.exists(profile.wifi())) {
            checkTables(profile.wifi(), List.of("networks"));
        }
        for (Path app : profile.appFolders()) {
            checkApp(app);
        }
    }

    /** A link could make the phone read host files outside the profile, so profiles may not contain any. */
    private static void rejectLinks(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isSymbolicLink).findFirst().ifPresent(link -> {
                throw new InvalidProfileException(
                        "profile contains the symbolic link " + link + "; profiles must hold plain files only");
            });
        } catch (IOException e) {
            throw new InvalidProfileException("cannot read profile " + root + ": " + e.getMessage(), e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return ProfileFiles.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidProfileException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void checkTables(Path file, List<String> knownTables) {
        JsonNode root = readJson(file);
        if (!root.isObject()) {
            throw new InvalidProfileException(file + " must be a JSON object of table name to rows, e.g. {\""
                    + knownTables.getFirst() + "\": [...]}");
        }
        root.fieldNames().forEachRemaining(table -> {
            JsonNode rows = root.get(table);
            if (!rows.isArray()) {
                throw new InvalidProfileException(file + ": \"" + table + "\" must be an array of row objects");
            }
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).isObject()) {
                    throw new InvalidProfileException(file + ": " + table + "[" + i + "] must be a row object");
                }
            }
        });
    }

    private static void checkApp(Path folder) {
        String name = folder.getFileName().toString();
        if (!Files.isRegularFile(folder.resolve(Profile.BASE_APK), LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidProfileException("app folder " + folder + " has no base.apk");
        }
        Path json = folder.resolve(Profile.PACKAGE_JSON);
        if (!Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidProfileException("app folder " + folder + " has no package.json");
        }
        JsonNode info = readJson(json);
        List<String> missing =
                PACKAGE_FIELDS.stream().filter(field -> !info.has(field)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidProfileException(json + " lacks " + missing + " (required: " + PACKAGE_FIELDS + ")");
        }
        if (info.has("packageName") && !info.get("packageName").asText().equals(name)) {
            throw new InvalidProfileException(
                    json + " names package " + info.get("packageName").asText() + " but lives in folder apps/" + name);
        }
        if (!info.get("versionCode").canConvertToLong()
                || !info.get("targetSdk").canConvertToInt()) {
            throw new InvalidProfileException(json + ": versionCode and targetSdk must be integers");
        }
    }
}
