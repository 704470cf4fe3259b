package org.lifeboat.repository.tree;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code strconv.Quote} and {@code strconv.Unquote} for double-quoted strings, without the outer quotes.
 *
 * <p>restic stores every node name in this form ({@code internal/restic/node.go}); a name containing {@code "} or
 * {@code \} written unquoted makes the whole tree undecodable for restic.
 */
final class GoQuote {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {}

    static String quote(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                appendAscii(out, b);
                i++;
                continue;
            }
            int size = Utf8.sequenceLength(bytes, i);
            if (size == 0) {
                appendByteEscape(out, b);
                i++;
                continue;
            }
            int rune = Utf8.decode(bytes, i, size);
            if (isPrint(rune)) {
                out.appendCodePoint(rune);
            } else if (rune < 0x10000) {
                out.append("\\u").append(hex(rune, 4));
            } else {
                out.append("\\U").append(hex(rune, 8));
            }
            i += size;
        }
        return out.toString();
    }

    private static void appendAscii(StringBuilder out, int b) {
        switch (b) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case 7 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 11 -> out.append("\\v");
            default -> {
                if (b < 0x20 || b == 0x7f) {
                    appendByteEscape(out, b);
                } else {
                    out.append((char) b);
                }
            }
        }
    }

    private static void appendByteEscape(StringBuilder out, int b) {
        out.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
    }

    private static String hex(int value, int digits) {
        char[] text = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            text[i] = HEX[value & 0xf];
            value >>>= 4;
        }
        return new String(text);
    }

    /**
     * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. The JDK's
     * Unicode tables are newer than Go 1.19's, so recently assigned characters may differ; restic reads both forms.
     */
    static boolean isPrint(int rune) {
        return switch (Character.getType(rune)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            case Character.SPACE_SEPARATOR -> rune == ' ';
            default -> false;
        };
    }

    /** Go's {@code Unquote} of {@code "} + quoted + {@code "}: the raw bytes, which need not be valid UTF-8. */
    static byte[] unquote(String quoted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(quoted.length());
        int i = 0;
        while (i < quoted.length()) {
            char c = quoted.charAt(i);
            if (c == '"' || c == '\n') {
                throw new IllegalArgumentException("unescaped " + (c == '"' ? "quote" : "newline") + " at " + i);
            }
            if (c != '\\') {
                int codePoint = quoted.codePointAt(i);
                out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
                continue;
            }
            if (i + 1 >= quoted.length()) {
                throw new IllegalArgumentException("backslash at the end");
            }
            char escape = quoted.charAt(i + 1);
            i += 2;
            switch (escape) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\' -> out.write('\\');
                case '"' -> out.write('"');
                case 'x' -> {
                    out.write(parseHex(quoted, i, 2));
                    i += 2;
                }
                case 'u', 'U' -> {
                    int digits = escape == 'u' ? 4 : 8;
                    int rune = parseHex(quoted, i, digits);
                    if (rune > Character.MAX_CODE_POINT || (rune >= 0xd800 && rune <= 0xdfff)) {
                        throw new IllegalArgumentException("\\" + escape + " escape is not a valid rune");
                    }
                    out.writeBytes(new String(Character.toChars(rune)).getBytes(StandardCharsets.UTF_8));
                    i += digits;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = parseOctal(quoted, i - 1);
                    out.write(value);
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + escape);
            }
        }
        return out.toByteArray();
    }

    private static int parseHex(String text, int from, int digits) {
        if (from + digits > text.length()) {
            throw new IllegalArgumentException("escape needs " + digits + " hex digits");
        }
        long value = 0;
        for (int i = from; i < from + digits; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("'" + text.charAt(i) + "' is not a hex digit");
            }
            value = value << 4 | digit;
        }
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("escape value too large");
        }
        return (int) value;
    }

    private static int parseOctal(String text, int from) {
        if (from + 3 > text.length()) {
            throw new IllegalArgumentException("octal escape needs 3 digits");
        }
        int value = 0;
        for (int i = from; i < from + 3; i++) {
            int digit = Character.digit(text.charAt(i), 8);
            if (digit < 0) {
                throw new IllegalArgumentException("'" + text.charAt(i) + "' is not an octal digit");
            }
            value = value << 3 | digit;
        }
        if (value > 0377) {
            throw new IllegalArgumentException("octal escape above \\377");
        }
        return value;
    }
}
