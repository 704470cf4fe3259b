package org.lifeboat.virtualphone.shell;

/** Backslash sequences of mksh's echo/print: \a \b \c \e \f \n \r \t \v \\ and \0NNN octal. */
final class Escapes {
    private Escapes() {}

    /**
     * Appends {@code text} with escapes decoded to {@code out}.
     *
     * @return true if a {@code \c} stopped the output (no trailing newline either)
     */
    static boolean decode(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'c' -> {
                    return true;
                }
                case 'e' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case '0' -> {
                    int value = 0;
                    int digits = 0;
                    while (digits < 3
                            && i + 1 < text.length()
                            && text.charAt(i + 1) >= '0'
                            && text.charAt(i + 1) <= '7') {
                        value = value * 8 + (text.charAt(++i) - '0');
                        digits++;
                    }
                    // mksh writes the byte itself; above ASCII that is a raw byte, not a character to encode.
                    int octet = value & 0xff;
                    out.append(octet < 0x80 ? (char) octet : ShellBytes.escape((byte) octet));
                }
                default -> out.append('\\').append(next);
            }
        }
        return false;
    }
}
