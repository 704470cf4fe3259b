package org.lifeboat.virtualphone.profile.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ExifWriterTest {
    private static final LocalDateTime TAKEN = LocalDateTime.of(2023, 4, 12, 15, 30, 12);

    private static ExifData exif(Optional<GpsFix> gps) {
        return new ExifData(TAKEN, ZoneOffset.ofHours(2), "Google", "Pixel 7", "HDR+", 320, 240, 100, 120, gps);
    }

    private static byte[] photo(ExifData exif) {
        byte[] jfif = Jpegs.encode(ImagePainter.photo(320, 240, new SplittableRandom(1)), 0.8f);
        return Jpegs.withExif(jfif, ExifWriter.app1Segment(exif));
    }

    @Test
    void jpegWithExifStillDecodesAndStartsWithApp1() throws Exception {
        byte[] jpeg = photo(exif(Optional.empty()));

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));

        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(240);
        assertThat(jpeg[2] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[3] & 0xFF).isEqualTo(0xE1);
    }

    @Test
    void datesCameraAndDimensionsReadBack() {
        ExifReader exif = ExifReader.read(photo(exif(Optional.empty())));

        assertThat(exif.ifd0).containsEntry(0x010F, "Google").containsEntry(0x0110, "Pixel 7");
        assertThat(exif.ifd0).containsEntry(0x0132, "2023:04:12 15:30:12");
        assertThat(exif.exif).containsEntry(0x9003, "2023:04:12 15:30:12").containsEntry(0x9011, "+02:00");
        assertThat(exif.exif).containsEntry(0xA002, 320L).containsEntry(0xA003, 240L);
        assertThat(exif.gps).isEmpty();
    }

    @Test
    void gpsCoordinatesAndUtcTimestampReadBack() {
        ExifReader exif = ExifReader.read(photo(exif(Optional.of(new GpsFix(-33.8688, 151.2093, 12.5)))));

        assertThat(ExifReader.degrees(exif.gps.get(2), exif.gps.get(1))).isCloseTo(-33.8688, within(1e-6));
        assertThat(ExifReader.degrees(exif.gps.get(4), exif.gps.get(3))).isCloseTo(151.2093, within(1e-6));
        assertThat(((double[]) exif.gps.get(6))[0]).isEqualTo(12.5);
        assertThat((double[]) exif.gps.get(7)).containsExactly(13, 30, 12);
        assertThat(exif.gps).containsEntry(0x001D, "2023:04:12");
    }

    @Test
    void rejectsStreamsThatAreNotJpeg() {
        assertThatThrownBy(() -> Jpegs.withExif(new byte[] {1, 2, 3, 4}, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOI");
    }
}
