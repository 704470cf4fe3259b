package org.lifeboat.virtualphone.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes the profile's file formats: JSON tables with one row per line, and ASCII-only properties files. */
final class ProfileFiles {
    static final ObjectMapper JSON = new ObjectMapper();

    private ProfileFiles() {}

    /** {"table": [row, row, ...], ...} with one row per line, so the files diff and grep well. */
    static void writeTables(Path file, Map<String, List<Map<String, Object>>> tables) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("{");
            String tableSeparator = "\n";
            for (Map.Entry<String, List<Map<String, Object>>> table : tables.entrySet()) {
                writer.write(tableSeparator + JSON.writeValueAsString(table.getKey()) + ": [");
                tableSeparator = ",\n";
                String rowSeparator = "\n";
                for (Map<String, Object> row : table.getValue()) {
                    writer.write(rowSeparator + JSON.writeValueAsString(row));
                    rowSeparator = ",\n";
                }
                writer.write("\n]");
            }
            writer.write("\n}\n");
        }
    }

    /** Pretty-printed JSON, for small hand-editable files such as package.json. */
    static void writeObject(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n");
    }

    /**
     * java.util.Properties syntax in the order given. Non-ASCII characters are written as {@code \}uXXXX escapes, so
     * both Properties.load(InputStream) and load(Reader) read the same values; there is no date comment, so the
     * bytes are reproducible.
     */
    static void writeProperties(Path file, Map<String, String> properties) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(escape(key, true))
                .append('=')
                .append(escape(value, false))
                .append('\n'));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static String escape(String text, boolean isKey) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '=', ':', '#', '!' -> escaped.append('\\').append(c);
                case ' ' -> escaped.append(isKey || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        escaped.append(String.format("\\u%04X", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** Mtimes are whole seconds: adb's sync protocol carries no more, so pulled files compare equal. */
    static void write(Path file, byte[] content, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        Files.setLastModifiedTime(
                file, FileTime.from(modified.getEpochSecond(), java.util.concurrent.TimeUnit.SECONDS));
    }

    /**
     * Gives every directory below {@code root} (and root itself) the newest mtime among its entries, deepest first,
     * as a phone's directories carry the time of their last change.
     */
    static void settleDirectoryTimes(Path root, Instant emptyDirectoryTime) throws IOException {
        List<Path> directories;
        try (Stream<Path> walk = Files.walk(root)) {
            directories = new ArrayList<>(walk.filter(Files::isDirectory).toList());
        }
        directories.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path directory : directories) {
            FileTime newest = null;
            try (Stream<Path> entries = Files.list(directory)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    FileTime time = Files.getLastModifiedTime(entry);
                    if (newest == null || time.compareTo(newest) > 0) {
                        newest = time;
                    }
                }
            }
            Files.setLastModifiedTime(directory, newest != null ? newest : FileTime.from(emptyDirectoryTime));
        }
    }
}
