package org.lifeboat.android.format.sbr;

import java.io.IOException;
import java.io.Writer;

/**
 * The little XML that SBR files need: elements with attributes only, indented by two spaces, written the way
 * Android's XmlSerializer writes them (single-quoted declaration, {@code " />"}).
 */
final class XmlAttributeWriter {

    static final String DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n";

    private final Writer out;

    XmlAttributeWriter(Writer out) {
        this.out = out;
    }

    void declaration() throws IOException {
        out.write(DECLARATION);
    }

    void open(int depth, String element) throws IOException {
        out.write("  ".repeat(depth));
        out.write('<');
        out.write(element);
    }

    void attribute(String name, String value) throws IOException {
        out.write(' ');
        out.write(name);
        out.write("=\"");
        out.write(escape(value));
        out.write('"');
    }

    void endEmpty() throws IOException {
        out.write(" />\n");
    }

    void endStart() throws IOException {
        out.write(">\n");
    }

    void close(int depth, String element) throws IOException {
        out.write("  ".repeat(depth) + "</" + element + ">\n");
    }

    /**
     * Escapes for a double-quoted attribute. Line breaks and tabs become character references, because attribute
     * value normalisation would turn them into spaces; characters XML 1.0 cannot carry at all (C0 controls other than
     * tab/LF/CR, unpaired surrogates, U+FFFE/U+FFFF) are dropped, as android-data.md §6.1 says real SMS bodies contain
     * them. Everything else, emoji included, is written as UTF-8.
     */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\n' -> escaped.append("&#10;");
                case '\r' -> escaped.append("&#13;");
                case '\t' -> escaped.append("&#9;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        escaped.append(c).append(value.charAt(++i));
                    } else if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
