package org.lifeboat.virtualphone.profile.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32;
import org.lifeboat.virtualphone.profile.media.ExifData;
import org.lifeboat.virtualphone.profile.media.ExifWriter;
import org.lifeboat.virtualphone.profile.media.GpsFix;
import org.lifeboat.virtualphone.profile.media.ImagePainter;
import org.lifeboat.virtualphone.profile.media.Jpegs;

/**
 * Photos and screenshots in the places and with the names a Pixel and WhatsApp use. Beyond the base counts (at
 * {@code --scale} above 1) pictures reuse already-encoded pixels with fresh metadata, so every file still differs
 * while generation stays fast.
 */
final class MediaLibrary {
    static final int CAMERA_PHOTOS = 220;
    static final int SCREENSHOTS = 40;
    static final int WHATSAPP_IMAGES = 40;

    /** Pixel camera file names use UTC; screenshots and WhatsApp use local time. */
    private static final DateTimeFormatter PIXEL_NAME = DateTimeFormatter.ofPattern("'PXL_'yyyyMMdd'_'HHmmssSSS");

    private static final DateTimeFormatter SCREENSHOT_NAME =
            DateTimeFormatter.ofPattern("'Screenshot_'yyyyMMdd-HHmmss");
    private static final DateTimeFormatter WHATSAPP_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    static final String WHATSAPP_MEDIA = "Android/media/com.whatsapp/WhatsApp/Media/";
    private static final int[][] SIZES = {{320, 240}, {480, 360}, {640, 480}, {240, 320}, {360, 480}};
    private static final double[][] PLACES = {
        {52.5200, 13.4050, 34},
        {48.1372, 11.5756, 519},
        {38.7223, -9.1393, 45},
        {40.7128, -74.0060, 10},
        {35.6762, 139.6503, 40},
        {-33.8688, 151.2093, 3}
    };

    private final Timeline timeline;
    private final RandomGenerator random;
    private final Set<String> usedNames = new HashSet<>();

    MediaLibrary(Timeline timeline, RandomGenerator random) {
        this.timeline = timeline;
        this.random = random;
    }

    void cameraPhotos(int count, SdcardSink sink) throws IOException {
        List<byte[]> templates = new ArrayList<>();
        for (Instant taken : sortedInstants(count)) {
            int[] size = SIZES[random.nextInt(SIZES.length)];
            byte[] jfif;
            if (templates.size() < CAMERA_PHOTOS) {
                jfif = Jpegs.encode(ImagePainter.photo(size[0], size[1], random), 0.85f);
                templates.add(jfif);
            } else {
                jfif = templates.get(random.nextInt(templates.size()));
            }
            int[] dimensions = jpegDimensions(jfif);
            byte[] exif = ExifWriter.app1Segment(exif(taken, dimensions[0], dimensions[1]));
            String name =
                    unique("DCIM/Camera/" + PIXEL_NAME.format(LocalDateTime.ofInstant(taken, ZoneOffset.UTC)), ".jpg");
            sink.write(name, taken.plusSeconds(1), Jpegs.withExif(jfif, exif));
        }
    }

    void screenshots(int count, SdcardSink sink) throws IOException {
        List<byte[]> templates = new ArrayList<>();
        for (Instant taken : sortedInstants(count)) {
            byte[] png;
            if (templates.size() < SCREENSHOTS) {
                png = Jpegs.encodePng(ImagePainter.screenshot(270, 585, random));
                templates.add(png);
            } else {
                png = templates.get(random.nextInt(templates.size()));
            }
            LocalDateTime local = Timeline.local(taken);
            String name = unique("Pictures/Screenshots/" + SCREENSHOT_NAME.format(local), ".png");
            sink.write(name, taken, withCreationTime(png, local.toString()));
        }
    }

    /** WhatsApp re-encodes shared images and drops their EXIF, so these are plain JFIF files dated only by mtime. */
    void whatsappImages(int count, SdcardSink sink) throws IOException {
        List<byte[]> templates = new ArrayList<>();
        int sequence = 0;
        for (Instant received : sortedInstants(count)) {
            byte[] jpeg;
            if (templates.size() < WHATSAPP_IMAGES) {
                int[] size = SIZES[random.nextInt(SIZES.length)];
                jpeg = Jpegs.encode(ImagePainter.photo(size[0], size[1], random), 0.7f);
                templates.add(jpeg);
            } else {
                jpeg = withComment(templates.get(random.nextInt(templates.size())), "WA" + sequence);
            }
            String folder = random.nextInt(4) == 0 ? "WhatsApp Images/Sent/" : "WhatsApp Images/";
            String name = String.format(
                    "%s%sIMG-%s-WA%04d",
                    WHATSAPP_MEDIA, folder, WHATSAPP_DAY.format(Timeline.local(received)), sequence++ % 10_000);
            sink.write(unique(name, ".jpg"), received, jpeg);
        }
    }

    List<Instant> sortedInstants(int count) {
        List<Instant> instants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            instants.add(timeline.randomInstant(random).plusMillis(random.nextInt(1000)));
        }
        instants.sort(null);
        return instants;
    }

    /** The path with {@code extension}, suffixed "_1", "_2"... if an earlier file took the name. */
    String unique(String stem, String extension) {
        String candidate = stem + extension;
        for (int i = 1; !usedNames.add(candidate); i++) {
            candidate = stem + "_" + i + extension;
        }
        return candidate;
    }

    private ExifData exif(Instant taken, int width, int height) {
        boolean newPhone = taken.isAfter(timeline.now().minusSeconds(86_400L * 540));
        Optional<GpsFix> gps = Optional.empty();
        if (random.nextInt(5) != 0) {
            double[] place = PLACES[random.nextInt(PLACES.length)];
            gps = Optional.of(new GpsFix(
                    place[0] + (random.nextDouble() - 0.5) * 0.05,
                    place[1] + (random.nextDouble() - 0.5) * 0.05,
                    place[2] + random.nextInt(20)));
        }
        return new ExifData(
                Timeline.local(taken),
                Timeline.offset(taken),
                "Google",
                newPhone ? "Pixel 7" : "Pixel 4a",
                newPhone ? "HDR+ 1.0.641377693zd" : "HDR+ 1.0.345618096z",
                width,
                height,
                50 + random.nextInt(750),
                30 + random.nextInt(2000),
                gps);
    }

    /** Width and height from the first SOFn marker of a JPEG stream. */
    static int[] jpegDimensions(byte[] jpeg) {
        int position = 2;
        while (position + 9 < jpeg.length) {
            int marker = jpeg[position + 1] & 0xFF;
            int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xC3) {
                int height = ((jpeg[position + 5] & 0xFF) << 8) | (jpeg[position + 6] & 0xFF);
                int width = ((jpeg[position + 7] & 0xFF) << 8) | (jpeg[position + 8] & 0xFF);
                return new int[] {width, height};
            }
            position += 2 + length;
        }
        throw new IllegalArgumentException("JPEG stream has no SOF marker");
    }

    /** Inserts a COM segment after SOI; comments change the bytes, not the picture. */
    static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + text.length);
        out.put(jpeg, 0, 2)
                .put((byte) 0xFF)
                .put((byte) 0xFE)
                .putShort((short) (2 + text.length))
                .put(text);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** Adds a PNG tEXt chunk "Creation Time" (PNG 1.2 §11.3.4.2) after IHDR. */
    static byte[] withCreationTime(byte[] png, String time) {
        byte[] data = ("Creation Time\0" + time).getBytes(StandardCharsets.ISO_8859_1);
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteBuffer out = ByteBuffer.allocate(png.length + 12 + data.length);
        out.put(png, 0, afterIhdr).putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
        out.put(png, afterIhdr, png.length - afterIhdr);
        return out.array();
    }
}
