package org.lifeboat.repository.tree;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes JSON byte for byte as Go 1.19's {@code encoding/json} does (what restic 0.14 was built with), so that a
 * directory backed up by Lifeboat and by restic can give the same tree blob.
 *
 * <p>Go escapes {@code < > &} and U+2028/U+2029, writes control characters other than \n \r \t as a six-character {@code u00XX} escape, and
 * replaces each invalid UTF-8 byte by the escape for U+FFFD.
 */
final class GoJsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPLACEMENT_ESCAPE = "\\ufffd".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream out;
    private boolean needsComma;

    GoJsonWriter(ByteArrayOutputStream out) {
        this.out = out;
    }

    void beginObject() {
        separate();
        out.write('{');
        needsComma = false;
    }

    void endObject() {
        out.write('}');
        needsComma = true;
    }

    void beginArray(String key) {
        key(key);
        out.write('[');
        needsComma = false;
    }

    void endArray() {
        out.write(']');
        needsComma = true;
    }

    void field(String key, String value) {
        key(key);
        string(value.getBytes(StandardCharsets.UTF_8));
    }

    void field(String key, byte[] utf8Value) {
        key(key);
        string(utf8Value);
    }

    void rawField(String key, String literal) {
        key(key);
        out.writeBytes(literal.getBytes(StandardCharsets.US_ASCII));
        needsComma = true;
    }

    void arrayString(String value) {
        separate();
        string(value.getBytes(StandardCharsets.UTF_8));
    }

    private void key(String key) {
        separate();
        string(key.getBytes(StandardCharsets.UTF_8));
        out.write(':');
        needsComma = false;
    }

    private void separate() {
        if (needsComma) {
            out.write(',');
        }
        needsComma = true;
    }

    /** Copies runs of bytes that need no escaping in one call each (ByteArrayOutputStream locks per call). */
    private void string(byte[] value) {
        out.write('"');
        int runStart = 0;
        int i = 0;
        while (i < value.length) {
            int b = value[i] & 0xff;
            if (b >= 0x20 && b < 0x80 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&') {
                i++;
                continue;
            }
            out.write(value, runStart, i - runStart);
            i = writeSpecial(value, i);
            runStart = i;
        }
        out.write(value, runStart, i - runStart);
        out.write('"');
        needsComma = true;
    }

    /** Writes the byte or UTF-8 sequence at {@code i} that is not plain printable ASCII; returns the next index. */
    private int writeSpecial(byte[] value, int i) {
        int b = value[i] & 0xff;
        if (b < 0x80) {
            escapeAscii(b);
            return i + 1;
        }
        int size = Utf8.sequenceLength(value, i);
        if (size == 0) {
            out.writeBytes(REPLACEMENT_ESCAPE);
            return i + 1;
        }
        int rune = Utf8.decode(value, i, size);
        if (rune == 0x2028 || rune == 0x2029) {
            out.writeBytes(("\\u202" + (rune & 0xf)).getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(value, i, size);
        }
        return i + size;
    }

    private void escapeAscii(int b) {
        out.write('\\');
        switch (b) {
            case '"', '\\' -> out.write(b);
            case '\n' -> out.write('n');
            case '\r' -> out.write('r');
            case '\t' -> out.write('t');
            default -> {
                out.writeBytes("u00".getBytes(StandardCharsets.US_ASCII));
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0xf]);
            }
        }
    }
}
