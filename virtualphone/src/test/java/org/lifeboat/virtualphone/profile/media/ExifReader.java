package org.lifeboat.virtualphone.profile.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Test-only EXIF reader: finds APP1 and returns ASCII and first-rational values by tag, per IFD. */
public final class ExifReader {
    public final Map<Integer, Object> ifd0 = new HashMap<>();
    public final Map<Integer, Object> exif = new HashMap<>();
    public final Map<Integer, Object> gps = new HashMap<>();

    private ExifReader() {}

    /** Returns null when the JPEG carries no EXIF segment. */
    public static ExifReader read(byte[] jpeg) {
        int position = 2;
        while (position + 4 < jpeg.length && (jpeg[position] & 0xFF) == 0xFF) {
            int marker = jpeg[position + 1] & 0xFF;
            int length = ((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF);
            if (marker == 0xE1 && new String(jpeg, position + 4, 4, StandardCharsets.US_ASCII).equals("Exif")) {
                ByteBuffer tiff =
                        ByteBuffer.wrap(jpeg, position + 10, length - 8).slice();
                tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                ExifReader reader = new ExifReader();
                reader.readIfd(tiff, tiff.getInt(4), reader.ifd0);
                if (reader.ifd0.containsKey(0x8769)) {
                    reader.readIfd(tiff, ((Number) reader.ifd0.get(0x8769)).intValue(), reader.exif);
                }
                if (reader.ifd0.containsKey(0x8825)) {
                    reader.readIfd(tiff, ((Number) reader.ifd0.get(0x8825)).intValue(), reader.gps);
                }
                return reader;
            }
            if (marker == 0xDA) {
                break;
            }
            position += 2 + length;
        }
        return null;
    }

    private void readIfd(ByteBuffer tiff, int offset, Map<Integer, Object> into) {
        int count = tiff.getShort(offset) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int entry = offset + 2 + i * 12;
            int tag = tiff.getShort(entry) & 0xFFFF;
            int type = tiff.getShort(entry + 2);
            int n = tiff.getInt(entry + 4);
            int valueOffset = entry + 8;
            int size =
                    switch (type) {
                        case 1, 2, 7 -> n;
                        case 3 -> 2 * n;
                        case 4 -> 4 * n;
                        case 5 -> 8 * n;
                        default -> throw new IllegalArgumentException("unexpected TIFF type " + type);
                    };
            int at = size > 4 ? tiff.getInt(valueOffset) : valueOffset;
            Object value =
                    switch (type) {
                        case 2 -> new String(bytes(tiff, at, n - 1), StandardCharsets.US_ASCII);
                        case 3 -> tiff.getShort(at) & 0xFFFF;
                        case 4 -> tiff.getInt(at) & 0xFFFFFFFFL;
                        case 5 -> rationals(tiff, at, n);
                        default -> bytes(tiff, at, n);
                    };
            into.put(tag, value);
        }
    }

    private static double[] rationals(ByteBuffer tiff, int at, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = (double) (tiff.getInt(at + 8 * i) & 0xFFFFFFFFL) / (tiff.getInt(at + 8 * i + 4) & 0xFFFFFFFFL);
        }
        return values;
    }

    private static byte[] bytes(ByteBuffer tiff, int at, int n) {
        byte[] out = new byte[n];
        tiff.get(at, out);
        return out;
    }

    /** Decimal degrees from a GPS rational triple and its N/S/E/W reference. */
    public static double degrees(Object dms, Object ref) {
        double[] parts = (double[]) dms;
        double value = parts[0] + parts[1] / 60 + parts[2] / 3600;
        return ref.equals("S") || ref.equals("W") ? -value : value;
    }
}
