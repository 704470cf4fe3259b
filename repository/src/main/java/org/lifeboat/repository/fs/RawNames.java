package org.lifeboat.repository.fs;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import org.lifeboat.repository.tree.ByteString;

/**
 * Converts between Java paths and the raw bytes of Linux file names, which need not be valid UTF-8.
 *
 * <p>{@code Path.toString()} replaces invalid bytes by U+FFFD, so a name read that way could neither be stored
 * faithfully nor opened again. The JDK's file URIs, however, percent-encode the path's exact bytes
 * ({@code toUri().getRawPath()}) and {@link Path#of(URI)} decodes them back, which is public API for both directions.
 */
public final class RawNames {
    private static final Path ROOT = Path.of("/");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RawNames() {}

    /** The exact bytes of the path's last component. */
    public static ByteString fileName(Path path) {
        Path name = path.getFileName();
        if (name != null) {
            byte[] ascii = printableAscii(name.toString());
            if (ascii != null) {
                return ByteString.of(ascii);
            }
        }
        byte[] raw = rawAbsolutePath(path.toAbsolutePath());
        int end = raw.length;
        int start = end;
        while (start > 0 && raw[start - 1] != '/') {
            start--;
        }
        return ByteString.of(java.util.Arrays.copyOfRange(raw, start, end));
    }

    /** The exact bytes of a symlink target as {@code Files.readSymbolicLink} returned it, relative or absolute. */
    public static ByteString linkTarget(Path target) {
        if (target.isAbsolute()) {
            return ByteString.of(rawAbsolutePath(target));
        }
        byte[] raw = rawAbsolutePath(ROOT.resolve(target));
        return ByteString.of(java.util.Arrays.copyOfRange(raw, 1, raw.length));
    }

    /** {@code directory} / {@code name}, for a name that is one component (the caller has checked it). */
    public static Path child(Path directory, ByteString name) {
        return directory.resolve(component(name));
    }

    /** A path whose bytes are exactly {@code target}, for creating a symlink (empty components are dropped). */
    public static Path linkTargetPath(ByteString target) {
        byte[] bytes = target.toByteArray();
        Path path = bytes.length > 0 && bytes[0] == '/' ? ROOT : null;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '/') {
                if (i > start) {
                    Path component = component(ByteString.of(java.util.Arrays.copyOfRange(bytes, start, i)));
                    path = path == null ? component : path.resolve(component);
                }
                start = i + 1;
            }
        }
        return path == null ? Path.of("") : path;
    }

    /** One component with exactly these bytes; "." and ".." stay as they are (relativize would fold them). */
    private static Path component(ByteString name) {
        if (name.isValidUtf8()) {
            return Path.of(name.toStringLossy());
        }
        Path absolute = Path.of(URI.create("file:///" + percentEncode(name.toByteArray())));
        return ROOT.relativize(absolute);
    }

    /**
     * The bytes of a name made only of printable ASCII, which every charset the JDK may use for file names maps
     * one-to-one; null otherwise. This spares the URI route (a string round trip and, for directories, an extra
     * {@code stat}) for almost every name a backup meets.
     */
    private static byte[] printableAscii(String name) {
        byte[] bytes = new byte[name.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    private static byte[] rawAbsolutePath(Path absolute) {
        String encoded = absolute.toUri().getRawPath();
        // toUri appends '/' to existing directories; a Unix path never ends in '/' otherwise (except the root).
        if (encoded.length() > 1 && encoded.endsWith("/")) {
            encoded = encoded.substring(0, encoded.length() - 1);
        }
        return percentDecode(encoded);
    }

    private static byte[] percentDecode(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
                i += 2;
            } else {
                // URIs are ASCII; anything else here would be a JDK change, and UTF-8 keeps it intact.
                out.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static String percentEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
