package org.lifeboat.virtualphone.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** How much a profile holds, counted from its files, for the one line {@code lifeboat virtual-phone} prints. */
public record ProfileSummary(
        long photos, long videos, long contacts, long sms, long mms, long calls, long events, long userApps) {

    private static final Set<String> PHOTO_EXTENSIONS = Set.of("jpg", "jpeg", "png", "heic", "heif", "webp", "gif");
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "3gp", "mkv", "webm", "mov");

    /** Counts streaming through the files, so a profile at a large scale never has to fit in memory as a tree. */
    public static ProfileSummary of(Profile profile) {
        long[] media = countMedia(profile.sdcard());
        long userApps = profile.appFolders().stream()
                .filter(folder -> !ProfileCheck.readJson(folder.resolve(Profile.PACKAGE_JSON))
                        .path("system")
                        .asBoolean(false))
                .count();
        return new ProfileSummary(
                media[0],
                media[1],
                countRows(profile.contacts(), "raw_contacts"),
                countRows(profile.sms(), "sms"),
                countRows(profile.mms(), "pdu"),
                countRows(profile.callLog(), "calls"),
                countRows(profile.calendar(), "events"),
                userApps);
    }

    /** e.g. "300 photos, 6 videos, 150 contacts, 2,000 SMS, 30 MMS, 300 calls, 100 events, 12 apps". */
    public String oneLine() {
        return String.format(
                Locale.ROOT,
                "%,d photos, %,d videos, %,d contacts, %,d SMS, %,d MMS, %,d calls, %,d events, %,d apps",
                photos,
                videos,
                contacts,
                sms,
                mms,
                calls,
                events,
                userApps);
    }

    private static long[] countMedia(Path sdcard) {
        long[] counts = new long[2];
        if (!Files.isDirectory(sdcard)) {
            return counts;
        }
        try (Stream<Path> walk = Files.walk(sdcard)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getFileName().toString();
                String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                if (PHOTO_EXTENSIONS.contains(extension)) {
                    counts[0]++;
                } else if (VIDEO_EXTENSIONS.contains(extension)) {
                    counts[1]++;
                }
            });
        } catch (IOException e) {
            throw new InvalidProfileException("cannot read " + sdcard + ": " + e.getMessage(), e);
        }
        return counts;
    }

    private static long countRows(Path file, String table) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (JsonParser parser = ProfileFiles.JSON.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidProfileException(file + " must be a JSON object of table name to rows");
            }
            long rows = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(table) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        rows++;
                        parser.skipChildren();
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return rows;
        } catch (IOException e) {
            throw new InvalidProfileException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
