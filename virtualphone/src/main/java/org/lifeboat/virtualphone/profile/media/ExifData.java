package org.lifeboat.virtualphone.profile.media;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The EXIF fields a phone camera writes that backup tools care about.
 *
 * @param taken local wall-clock time of the shot (DateTimeOriginal is local time without zone, EXIF 2.32 §4.6.5)
 * @param offset the zone offset of {@code taken}, written as OffsetTimeOriginal
 * @param exposureDenominator exposure time is {@code 1/exposureDenominator} seconds
 */
public record ExifData(
        LocalDateTime taken,
        ZoneOffset offset,
        String make,
        String model,
        String software,
        int width,
        int height,
        int iso,
        int exposureDenominator,
        Optional<GpsFix> gps) {

    public ExifData {
        if (width <= 0 || height <= 0 || iso <= 0 || exposureDenominator <= 0) {
            throw new IllegalArgumentException("EXIF dimensions, ISO and exposure must be positive, got " + width + "x"
                    + height + ", ISO " + iso + ", 1/" + exposureDenominator);
        }
    }
}
