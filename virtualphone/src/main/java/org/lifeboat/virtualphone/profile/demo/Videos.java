package org.lifeboat.virtualphone.profile.demo;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.lifeboat.virtualphone.profile.media.ImagePainter;
import org.lifeboat.virtualphone.profile.media.Jpegs;
import org.lifeboat.virtualphone.profile.media.Mp4Writer;

/** Short Motion-JPEG MP4 clips: two thirds from the camera, the rest received on WhatsApp. */
final class Videos {
    static final int BASE_COUNT = 6;
    private static final int WIDTH = 160;
    private static final int HEIGHT = 120;
    private static final int FPS = 12;
    private static final DateTimeFormatter PIXEL_NAME = DateTimeFormatter.ofPattern("'PXL_'yyyyMMdd'_'HHmmssSSS");
    private static final DateTimeFormatter WHATSAPP_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private Videos() {}

    static void write(int count, MediaLibrary library, RandomGenerator random, SdcardSink sink) throws IOException {
        List<List<byte[]>> clips = new ArrayList<>();
        int sequence = 1;
        for (Instant recorded : library.sortedInstants(count)) {
            List<byte[]> frames;
            if (clips.size() < BASE_COUNT) {
                frames = frames(2 + random.nextInt(3), random);
                clips.add(frames);
            } else {
                // Reused frames still give distinct files: the creation time in mvhd/tkhd/mdhd differs.
                frames = clips.get(random.nextInt(clips.size()));
            }
            byte[] mp4 = Mp4Writer.motionJpeg(frames, WIDTH, HEIGHT, FPS, recorded);
            String path = random.nextInt(3) == 0
                    ? library.unique(
                            String.format(
                                    "%sWhatsApp Video/VID-%s-WA%04d",
                                    MediaLibrary.WHATSAPP_MEDIA,
                                    WHATSAPP_DAY.format(Timeline.local(recorded)),
                                    sequence++),
                            ".mp4")
                    : library.unique(
                            "DCIM/Camera/" + PIXEL_NAME.format(LocalDateTime.ofInstant(recorded, ZoneOffset.UTC)),
                            ".mp4");
            sink.write(path, recorded.plusSeconds(frames.size() / FPS), mp4);
        }
    }

    /** A camera pan: one painted scene, each frame a shifted crop of it. */
    private static List<byte[]> frames(int seconds, RandomGenerator random) {
        var scene = ImagePainter.photo(WIDTH * 2, HEIGHT, random);
        List<byte[]> frames = new ArrayList<>();
        int count = seconds * FPS;
        for (int i = 0; i < count; i++) {
            int x = (WIDTH * i) / count;
            frames.add(Jpegs.encode(scene.getSubimage(x, 0, WIDTH, HEIGHT), 0.6f));
        }
        return frames;
    }
}
