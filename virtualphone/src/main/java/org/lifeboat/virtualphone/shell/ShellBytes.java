package org.lifeboat.virtualphone.shell;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * mksh works on bytes, this interpreter on Java strings. Script text is therefore decoded so that no byte is lost:
 * valid UTF-8 becomes the characters it encodes, and every byte that is not part of valid UTF-8 becomes a lone
 * surrogate U+DC80..U+DCFF (Python's "surrogateescape", PEP 383). Encoding reverses it, so
 * {@code echo -n '<bytes>'} writes back exactly the bytes that were quoted, as on a phone.
 */
final class ShellBytes {
    private static final char ESCAPE_BASE = '\uDC00';

    private ShellBytes() {}

    static String decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer out = CharBuffer.allocate(length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                decoder.flush(out);
                break;
            }
            // Malformed or truncated: keep the offending bytes as escapes and carry on after them.
            for (int i = 0; i < result.length(); i++) {
                out.put(escape(in.get()));
            }
        }
        return out.flip().toString();
    }

    static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** The character that stands for the raw byte {@code b} (only bytes 0x80..0xFF ever need one). */
    static char escape(byte b) {
        return (char) (ESCAPE_BASE + (b & 0xff));
    }

    static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int plainStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isEscape(c) && !pairedLowSurrogate(text, i)) {
                out.writeBytes(text.substring(plainStart, i).getBytes(StandardCharsets.UTF_8));
                out.write(c - ESCAPE_BASE);
                plainStart = i + 1;
            }
        }
        out.writeBytes(text.substring(plainStart).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static boolean isEscape(char c) {
        return c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff;
    }

    /** A low surrogate right after a high one is half of a real character such as an emoji, not an escape. */
    private static boolean pairedLowSurrogate(String text, int index) {
        return index > 0 && Character.isHighSurrogate(text.charAt(index - 1));
    }
}
