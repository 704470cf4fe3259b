package org.lifeboat.virtualphone.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lifeboat.virtualphone.profile.media.ExifReader;

class DemoProfileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Profile demo = GeneratedProfiles.demo();

    @Test
    void countsMatchTheIssue() {
        assertThat(ProfileSummary.of(demo).oneLine())
                .isEqualTo("300 photos, 6 videos, 150 contacts, 2,000 SMS, 30 MMS, 300 calls, 100 events, 12 apps");
    }

    @Test
    void cameraPhotosDecodeAndCarryExifDatesWithinThreeYears() throws IOException {
        List<Path> photos = files(demo.sdcard().resolve("DCIM/Camera"), ".jpg");
        assertThat(photos).hasSizeGreaterThan(200);
        Set<String> models = new HashSet<>();
        for (int i = 0; i < photos.size(); i += 6) {
            byte[] bytes = Files.readAllBytes(photos.get(i));
            assertThat(ImageIO.read(new ByteArrayInputStream(bytes))).isNotNull();
            ExifReader exif = ExifReader.read(bytes);
            String taken = (String) exif.exif.get(0x9003);
            assertThat(taken).matches("20(21|22|23|24):\\d\\d:\\d\\d \\d\\d:\\d\\d:\\d\\d");
            models.add((String) exif.ifd0.get(0x0110));
        }
        assertThat(models).containsExactlyInAnyOrder("Pixel 4a", "Pixel 7");
    }

    @Test
    void whatsappImagesHaveNoExifLikeWhatsAppsReencodes() throws IOException {
        List<Path> images = files(demo.sdcard().resolve("Android/media/com.whatsapp/WhatsApp/Media"), ".jpg");
        assertThat(images).hasSize(40);
        assertThat(ExifReader.read(Files.readAllBytes(images.getFirst()))).isNull();
    }

    @Test
    void trickySmsBodiesAndHiddenTypesArePresent() throws IOException {
        List<String> bodies = new ArrayList<>();
        Set<Integer> types = new HashSet<>();
        boolean nullBody = false;
        for (JsonNode row : JSON.readTree(demo.sms().toFile()).get("sms")) {
            types.add(row.get("type").asInt());
            if (row.get("body").isNull()) {
                nullBody = true;
            } else {
                bodies.add(row.get("body").asText());
            }
        }
        assertThat(bodies).contains("Hello, world", "a=b, c=d, body=e", "NULL", "", "Line one\nLine two\n\nLine four");
        assertThat(bodies).anyMatch(body -> body.codePoints().anyMatch(c -> c >= 0x1F300));
        assertThat(nullBody).isTrue();
        assertThat(types).contains(1, 2, 3, 4, 5);
    }

    @Test
    void contactsUseAndroidMimetypesAndIncludeNonLatinNamesAndAPhoto() throws IOException {
        JsonNode contacts = JSON.readTree(demo.contacts().toFile());
        Set<String> mimetypes = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (JsonNode row : contacts.get("data")) {
            mimetypes.add(row.get("mimetype").asText());
            if (row.get("mimetype").asText().equals("vnd.android.cursor.item/name")) {
                names.add(row.get("data1").asText());
            }
            if (row.get("mimetype").asText().equals("vnd.android.cursor.item/photo")) {
                assertThat(row.get("data15").get("base64").asText()).startsWith("/9j/");
            }
        }
        assertThat(mimetypes)
                .contains(
                        "vnd.android.cursor.item/phone_v2",
                        "vnd.android.cursor.item/email_v2",
                        "vnd.android.cursor.item/postal-address_v2",
                        "vnd.android.cursor.item/contact_event",
                        "vnd.android.cursor.item/group_membership",
                        "vnd.android.cursor.item/photo");
        assertThat(names)
                .anyMatch(name -> name.matches(".*\\p{IsCyrillic}.*"))
                .anyMatch(name -> name.matches(".*\\p{IsHan}.*"))
                .anyMatch(name -> name.matches(".*\\p{IsArabic}.*"));
    }

    @Test
    void mmsPartsPointAtPartFilesAndCalendarHasRecurringEventsWithReminders() throws IOException {
        for (JsonNode pdu : JSON.readTree(demo.mms().toFile()).get("pdu")) {
            for (JsonNode part : pdu.get("parts")) {
                if (!part.get("_data").isNull()) {
                    String name =
                            Path.of(part.get("_data").asText()).getFileName().toString();
                    assertThat(demo.mmsParts().resolve(name)).exists();
                }
            }
        }
        JsonNode calendar = JSON.readTree(demo.calendar().toFile());
        assertThat(calendar.get("calendars")).hasSize(2);
        int recurring = 0;
        for (JsonNode event : calendar.get("events")) {
            if (!event.get("rrule").isNull()) {
                recurring++;
                assertThat(event.get("duration").isNull())
                        .as("recurring events need a duration")
                        .isFalse();
                assertThat(event.get("dtend").isNull())
                        .as("recurring events have no dtend")
                        .isTrue();
            }
        }
        assertThat(recurring).isEqualTo(15);
        assertThat(calendar.get("reminders").size()).isGreaterThan(50);
        assertThat(calendar.get("attendees").size()).isGreaterThan(0);
    }

    @Test
    void threeUserAppsComeWithSplits() {
        long withSplits = demo.appFolders().stream()
                .filter(folder -> Files.exists(folder.resolve("split_config.arm64_v8a.apk")))
                .count();
        assertThat(withSplits).isEqualTo(3);
    }

    private static List<Path> files(Path folder, String extension) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(extension)).sorted().toList();
        }
    }
}
