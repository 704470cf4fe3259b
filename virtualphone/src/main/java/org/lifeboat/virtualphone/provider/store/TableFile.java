package org.lifeboat.virtualphone.provider.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Provider rows as JSON: an object of table name to an array of row objects keyed by Android column names. Values
 * are JSON strings, numbers, booleans (stored as 1/0, as SQLite does), null, or {@code {"base64": "..."}} for a BLOB.
 * Profiles and the phone's state folder share this format.
 */
public final class TableFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String BLOB_KEY = "base64";

    private TableFile() {}

    public static JsonNode readTree(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new MalformedRowsException(file + ": not valid JSON: " + e.getMessage());
        }
    }

    /** Rows of a JSON array of objects; {@code where} names the file and member for error messages. */
    public static List<Map<String, Object>> rows(JsonNode array, String where) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new MalformedRowsException(where + ": expected an array of row objects");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode row = array.get(i);
            if (!row.isObject()) {
                throw new MalformedRowsException(where + "[" + i + "]: expected a row object");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                values.put(field.getKey(), value(field.getValue(), where + "[" + i + "]." + field.getKey()));
            }
            rows.add(values);
        }
        return rows;
    }

    public static Object value(JsonNode node, String where) {
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 1L : 0L;
        }
        if (node.isObject()
                && node.size() == 1
                && node.get(BLOB_KEY) != null
                && node.get(BLOB_KEY).isTextual()) {
            try {
                return Base64.getDecoder().decode(node.get(BLOB_KEY).textValue());
            } catch (IllegalArgumentException e) {
                throw new MalformedRowsException(where + ": invalid base64 in BLOB");
            }
        }
        throw new MalformedRowsException(where + ": unsupported value " + node
                + "; expected a string, number, boolean, null or {\"base64\": …}");
    }

    /** Writes the tables atomically: readers see the old file or the new one, never half of it. */
    public static void write(Path file, List<Table> tables) {
        ObjectNode root = JSON.createObjectNode();
        for (Table table : tables) {
            ArrayNode array = root.putArray(table.name());
            for (Map<String, Object> row : table.toMaps()) {
                ObjectNode object = array.addObject();
                row.forEach((column, value) -> {
                    switch (value) {
                        case null -> object.putNull(column);
                        case Long l -> object.put(column, l);
                        case Double d -> object.put(column, d);
                        case String s -> object.put(column, s);
                        case byte[] bytes ->
                            object.putObject(column)
                                    .put(BLOB_KEY, Base64.getEncoder().encodeToString(bytes));
                        default -> throw new IllegalStateException("not an SQLite value: " + value);
                    }
                });
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            JSON.writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save provider state to " + file, e);
        }
    }

    /** A profile or state file whose rows cannot be read; the message names the file and the offending entry. */
    public static final class MalformedRowsException extends RuntimeException {
        public MalformedRowsException(String message) {
            super(message);
        }
    }
}
