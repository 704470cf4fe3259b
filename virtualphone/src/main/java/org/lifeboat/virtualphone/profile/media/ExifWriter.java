package org.lifeboat.virtualphone.profile.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds the EXIF APP1 segment (CIPA DC-008 / EXIF 2.32) that a phone camera puts right after the JPEG SOI marker:
 * IFD0 (Make, Model, DateTime), the Exif IFD (DateTimeOriginal, OffsetTimeOriginal, exposure) and the GPS IFD.
 */
public final class ExifWriter {
    /** EXIF 2.32 §4.6.4: "YYYY:MM:DD HH:MM:SS", 19 characters plus NUL. */
    public static final DateTimeFormatter EXIF_DATE_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private static final DateTimeFormatter GPS_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd");
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final int MAX_SEGMENT_LENGTH = 0xFFFF;

    private ExifWriter() {}

    /** The complete segment: marker FFE1, big-endian length, "Exif\0\0" and the TIFF structure. */
    public static byte[] app1Segment(ExifData exif) {
        byte[] tiff = TiffWriter.write(ifd0(exif));
        int length = 2 + EXIF_HEADER.length + tiff.length;
        if (length > MAX_SEGMENT_LENGTH) {
            throw new IllegalStateException("EXIF segment of " + length + " bytes exceeds the JPEG limit of 65535");
        }
        return ByteBuffer.allocate(2 + length)
                .put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) length)
                .put(EXIF_HEADER)
                .put(tiff)
                .array();
    }

    private static TiffWriter.Ifd ifd0(ExifData exif) {
        String taken = exif.taken().format(EXIF_DATE_TIME);
        TiffWriter.Ifd ifd0 = new TiffWriter.Ifd()
                .ascii(0x010F, exif.make())
                .ascii(0x0110, exif.model())
                .shorts(0x0112, 1) // Orientation: top-left, pixels are stored upright
                .rationals(0x011A, 72, 1)
                .rationals(0x011B, 72, 1)
                .shorts(0x0128, 2) // ResolutionUnit: inch
                .ascii(0x0131, exif.software())
                .ascii(0x0132, taken)
                .shorts(0x0213, 1) // YCbCrPositioning: centred
                .subIfd(0x8769, exifIfd(exif, taken));
        exif.gps().ifPresent(gps -> ifd0.subIfd(0x8825, gpsIfd(gps, exif.taken(), exif.offset())));
        return ifd0;
    }

    private static TiffWriter.Ifd exifIfd(ExifData exif, String taken) {
        String offset =
                exif.offset().getId().equals("Z") ? "+00:00" : exif.offset().getId();
        return new TiffWriter.Ifd()
                .rationals(0x829A, 1, exif.exposureDenominator())
                .rationals(0x829D, 185, 100)
                .shorts(0x8827, exif.iso())
                .undefined(0x9000, "0232".getBytes(StandardCharsets.US_ASCII))
                .ascii(0x9003, taken)
                .ascii(0x9004, taken)
                .ascii(0x9010, offset)
                .ascii(0x9011, offset)
                .ascii(0x9012, offset)
                .rationals(0x920A, 681, 100)
                .shorts(0xA001, 1) // ColorSpace: sRGB
                .longs(0xA002, exif.width())
                .longs(0xA003, exif.height());
    }

    private static TiffWriter.Ifd gpsIfd(GpsFix gps, LocalDateTime taken, ZoneOffset offset) {
        // GPSTimeStamp and GPSDateStamp are UTC (EXIF 2.32 §4.6.6), unlike DateTimeOriginal.
        LocalDateTime utc = taken.minusSeconds(offset.getTotalSeconds());
        return new TiffWriter.Ifd()
                .bytes(0x0000, (byte) 2, (byte) 3, (byte) 0, (byte) 0)
                .ascii(0x0001, gps.latitude() >= 0 ? "N" : "S")
                .rationals(0x0002, degreesMinutesSeconds(Math.abs(gps.latitude())))
                .ascii(0x0003, gps.longitude() >= 0 ? "E" : "W")
                .rationals(0x0004, degreesMinutesSeconds(Math.abs(gps.longitude())))
                .bytes(0x0005, (byte) (gps.altitudeMetres() >= 0 ? 0 : 1))
                .rationals(0x0006, Math.round(Math.abs(gps.altitudeMetres()) * 100), 100)
                .rationals(0x0007, utc.getHour(), 1, utc.getMinute(), 1, utc.getSecond(), 1)
                .ascii(0x001D, utc.format(GPS_DATE));
    }

    /** Degrees, minutes and seconds with 1/10000 s precision, as Android's ExifInterface writes them. */
    private static long[] degreesMinutesSeconds(double value) {
        long degrees = (long) value;
        double minutesExact = (value - degrees) * 60;
        long minutes = (long) minutesExact;
        long seconds = Math.round((minutesExact - minutes) * 60 * 10_000);
        return new long[] {degrees, 1, minutes, 1, seconds, 10_000};
    }
}
