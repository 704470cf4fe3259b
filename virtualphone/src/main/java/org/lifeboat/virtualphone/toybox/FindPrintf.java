package org.lifeboat.virtualphone.toybox;

import java.time.ZoneId;
import org.lifeboat.virtualphone.fs.FileStat;

/**
 * find -printf as toybox 0.8.3 implements it: backslash escapes and %p %P %f %s %i %m %M %u %U %g %G %l %T@ %Z,
 * with printf widths. {@code %T@} prints seconds '.' nanoseconds with the nanoseconds NOT zero-padded
 * ({@code sprintf("%lld.%ld")}), so 5 ns after a second shows as ".5".
 */
final class FindPrintf {
    private FindPrintf() {}

    static String format(String format, FindExpression.Candidate c, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        FileStat st = c.stat();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '\\' && i + 1 < format.length()) {
                char next = format.charAt(++i);
                if (next == 'c') {
                    break;
                }
                i = escape(format, i, out);
                continue;
            }
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int end = i + 1;
            while (end < format.length() && "-+ #0123456789.".indexOf(format.charAt(end)) >= 0) {
                end++;
            }
            if (end >= format.length()) {
                throw new IllegalArgumentException("bad " + format.substring(i));
            }
            String width = format.substring(i + 1, end);
            char directive = format.charAt(end);
            String value =
                    switch (directive) {
                        case 's' -> Long.toString(st.size());
                        case 'i' -> Long.toString(st.inode());
                        case 'G' -> Integer.toString(st.gid());
                        case 'U' -> Integer.toString(st.uid());
                        case 'm' -> Integer.toOctalString(st.permissions());
                        case 'f' -> lastComponent(c.shown());
                        case 'g' -> Toys.groupName(st.gid());
                        case 'u' -> Toys.userName(st.uid());
                        case 'l' -> st.linkTarget().orElse("");
                        case 'M' -> Toys.modeString(st);
                        case 'P' -> relative(c);
                        case 'p' -> c.shown();
                        case 'Z' -> "u:object_r:media_rw_data_file:s0";
                        case 'T' -> {
                            if (end + 1 >= format.length() || format.charAt(end + 1) != '@') {
                                throw new IllegalArgumentException("bad -printf %T: %T"
                                        + (end + 1 < format.length() ? format.charAt(end + 1) : ""));
                            }
                            end++;
                            yield st.modified().getEpochSecond() + "."
                                    + st.modified().getNano();
                        }
                        default -> throw new IllegalArgumentException("bad -printf %" + directive);
                    };
            out.append(width.isEmpty() ? value : String.format("%" + width + "s", value));
            i = end;
        }
        return out.toString();
    }

    /** %P: the path below the starting point, without the starting point and its slash. */
    private static String relative(FindExpression.Candidate c) {
        String start = c.start();
        if (c.shown().equals(start)) {
            return "";
        }
        String rest = c.shown().substring(start.length());
        return rest.startsWith("/") ? rest.substring(1) : rest;
    }

    private static String lastComponent(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 || trimmed.equals("/") ? trimmed : trimmed.substring(slash + 1);
    }

    /** unescape2: \\ \a \b \e \f \n \r \t \v and \0NNN octal; returns the index of the last consumed char. */
    private static int escape(String format, int at, StringBuilder out) {
        char c = format.charAt(at);
        String from = "\\abefnrtv";
        String to = "\\\u0007\b\u001b\f\n\r\t\u000b";
        int index = from.indexOf(c);
        if (index >= 0) {
            out.append(to.charAt(index));
            return at;
        }
        if (c >= '0' && c <= '7') {
            int value = 0;
            int i = at;
            int digits = 0;
            while (i < format.length() && digits < 4 && format.charAt(i) >= '0' && format.charAt(i) <= '7') {
                value = value * 8 + (format.charAt(i++) - '0');
                digits++;
            }
            out.append((char) value);
            return i - 1;
        }
        out.append('\\').append(c);
        return at;
    }
}
