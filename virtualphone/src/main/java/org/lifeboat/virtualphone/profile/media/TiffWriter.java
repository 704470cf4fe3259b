package org.lifeboat.virtualphone.profile.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A little-endian TIFF structure (TIFF 6.0 §2) as used inside an EXIF APP1 segment: IFDs whose entries are sorted by
 * tag, values longer than four bytes stored after their IFD, and sub-IFDs (Exif, GPS) referenced by LONG offsets.
 */
final class TiffWriter {
    static final short BYTE = 1;
    static final short ASCII = 2;
    static final short SHORT = 3;
    static final short LONG = 4;
    static final short RATIONAL = 5;
    static final short UNDEFINED = 7;

    private static final int HEADER_SIZE = 8;
    private static final int ENTRY_SIZE = 12;

    private TiffWriter() {}

    /** One image file directory under construction. */
    static final class Ifd {
        private final List<Entry> entries = new ArrayList<>();

        Ifd ascii(int tag, String value) {
            byte[] text = (value + '\0').getBytes(StandardCharsets.US_ASCII);
            return add(new Entry(tag, ASCII, text.length, text, null));
        }

        Ifd bytes(int tag, byte... values) {
            return add(new Entry(tag, BYTE, values.length, values.clone(), null));
        }

        Ifd undefined(int tag, byte[] values) {
            return add(new Entry(tag, UNDEFINED, values.length, values.clone(), null));
        }

        Ifd shorts(int tag, int... values) {
            ByteBuffer buffer = little(values.length * 2);
            for (int value : values) {
                buffer.putShort((short) value);
            }
            return add(new Entry(tag, SHORT, values.length, buffer.array(), null));
        }

        Ifd longs(int tag, long... values) {
            ByteBuffer buffer = little(values.length * 4);
            for (long value : values) {
                buffer.putInt((int) value);
            }
            return add(new Entry(tag, LONG, values.length, buffer.array(), null));
        }

        /** Unsigned rationals given as numerator, denominator pairs. */
        Ifd rationals(int tag, long... numeratorDenominatorPairs) {
            if (numeratorDenominatorPairs.length % 2 != 0) {
                throw new IllegalArgumentException("rationals need numerator/denominator pairs");
            }
            ByteBuffer buffer = little(numeratorDenominatorPairs.length * 4);
            for (long value : numeratorDenominatorPairs) {
                buffer.putInt((int) value);
            }
            return add(new Entry(tag, RATIONAL, numeratorDenominatorPairs.length / 2, buffer.array(), null));
        }

        Ifd subIfd(int tag, Ifd child) {
            return add(new Entry(tag, LONG, 1, null, child));
        }

        private Ifd add(Entry entry) {
            if (entries.stream().anyMatch(e -> e.tag == entry.tag)) {
                throw new IllegalArgumentException("duplicate TIFF tag 0x" + Integer.toHexString(entry.tag));
            }
            entries.add(entry);
            return this;
        }

        private List<Entry> sorted() {
            return entries.stream().sorted(Comparator.comparingInt(e -> e.tag)).toList();
        }
    }

    private record Entry(int tag, short type, int count, byte[] data, Ifd child) {}

    /** Serialises {@code root} as a complete TIFF byte stream ("II", 42, offset of IFD0). */
    static byte[] write(Ifd root) {
        Layout layout = new Layout();
        int size = layout.place(root, HEADER_SIZE);
        ByteBuffer out = little(size);
        out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(HEADER_SIZE);
        layout.emit(root, out);
        return out.array();
    }

    private static final class Layout {
        private final java.util.IdentityHashMap<Object, Integer> offsets = new java.util.IdentityHashMap<>();

        int place(Ifd ifd, int offset) {
            offsets.put(ifd, offset);
            List<Entry> entries = ifd.sorted();
            int position = offset + 2 + entries.size() * ENTRY_SIZE + 4;
            for (Entry entry : entries) {
                if (entry.data != null && entry.data.length > 4) {
                    offsets.put(entry, position);
                    position += entry.data.length + (entry.data.length & 1);
                }
            }
            for (Entry entry : entries) {
                if (entry.child != null) {
                    position = place(entry.child, position);
                }
            }
            return position;
        }

        void emit(Ifd ifd, ByteBuffer out) {
            List<Entry> entries = ifd.sorted();
            out.position(offsets.get(ifd));
            out.putShort((short) entries.size());
            for (Entry entry : entries) {
                out.putShort((short) entry.tag).putShort(entry.type).putInt(entry.count);
                if (entry.child != null) {
                    out.putInt(offsets.get(entry.child));
                } else if (entry.data.length > 4) {
                    out.putInt(offsets.get(entry));
                } else {
                    byte[] inline = new byte[4];
                    System.arraycopy(entry.data, 0, inline, 0, entry.data.length);
                    out.put(inline);
                }
            }
            out.putInt(0); // no next IFD: EXIF thumbnails (IFD1) are optional and omitted
            for (Entry entry : entries) {
                if (entry.data != null && entry.data.length > 4) {
                    out.put(offsets.get(entry), entry.data);
                }
            }
            for (Entry entry : entries) {
                if (entry.child != null) {
                    emit(entry.child, out);
                }
            }
        }
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
