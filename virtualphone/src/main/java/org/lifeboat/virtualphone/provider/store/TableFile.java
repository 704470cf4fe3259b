package org.lifeboat.virtualphone.provider.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.function.Consumer;
import org.lifeboat.virtualphone.provider.sql.Column;

/**
 * Provider rows as JSON: an object of table name to an array of row objects keyed by Android column names. Values
 * are JSON strings, numbers, booleans (stored as 1/0, as SQLite does), null, or {@code {"base64": "..."}} for a BLOB.
 * Profiles and the phone's state folder share this format. Whole files are read and written as streams, one row at a
 * time: a phone with a hundred thousand messages must start within a small heap.
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

    /**
     * Hands each row of a provider file to the consumer of its table, in file order, without holding the file in
     * memory. The file is an object of table name → row array (members of other tables are skipped, a null member
     * holds no rows) or, when {@code bareArrayTable} names a table, may be just that table's array.
     *
     * @throws MalformedRowsException naming the file, table, row and column of what cannot be read
     */
    public static void readRows(Path file, Map<String, Consumer<Map<String, Object>>> tables, String bareArrayTable) {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY && bareArrayTable != null) {
                readArray(parser, file + ": " + bareArrayTable, tables.get(bareArrayTable));
            } else if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String table = parser.currentName();
                    JsonToken value = parser.nextToken();
                    Consumer<Map<String, Object>> rows = tables.get(table);
                    if (rows == null || value == JsonToken.VALUE_NULL) {
                        parser.skipChildren();
                    } else if (value == JsonToken.START_ARRAY) {
                        readArray(parser, file + ": " + table, rows);
                    } else {
                        throw new MalformedRowsException(file + ": " + table + ": expected an array of row objects");
                    }
                }
            }
        } catch (IOException e) {
            throw new MalformedRowsException(file + ": not valid JSON: " + e.getMessage());
        }
    }

    private static void readArray(JsonParser parser, String where, Consumer<Map<String, Object>> rows)
            throws IOException {
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            rows.accept(row(JSON.readTree(parser), where, i));
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
            rows.add(row(array.get(i), where, i));
        }
        return rows;
    }

    private static Map<String, Object> row(JsonNode row, String where, int index) {
        if (row == null || !row.isObject()) {
            throw new MalformedRowsException(where + "[" + index + "]: expected a row object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            try {
                values.put(field.getKey(), decode(field.getValue()));
            } catch (UnsupportedValueException e) {
                // The location is spelt out only here: building it for every value of a large table costs more than
                // the table's load.
                throw new MalformedRowsException(where + "[" + index + "]." + field.getKey() + ": " + e.getMessage());
            }
        }
        return values;
    }

    public static Object value(JsonNode node, String where) {
        try {
            return decode(node);
        } catch (UnsupportedValueException e) {
            throw new MalformedRowsException(where + ": " + e.getMessage());
        }
    }

    private static Object decode(JsonNode node) throws UnsupportedValueException {
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
                throw new UnsupportedValueException("invalid base64 in BLOB");
            }
        }
        throw new UnsupportedValueException(
                "unsupported value " + node + "; expected a string, number, boolean, null or {\"base64\": …}");
    }

    /** What is wrong with one value; the caller adds where it was. */
    private static final class UnsupportedValueException extends Exception {
        UnsupportedValueException(String problem) {
            super(problem, null, false, false);
        }
    }

    /** Writes the tables atomically: readers see the old file or the new one, never half of it. */
    public static void write(Path file, List<Table> tables) {
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary);
                    JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.writeStartObject();
                for (Table table : tables) {
                    writeRows(json, table);
                }
                json.writeEndObject();
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot save provider state to " + file, e);
        }
    }

    private static void writeRows(JsonGenerator json, Table table) throws IOException {
        List<Column> columns = table.columns();
        json.writeArrayFieldStart(table.name());
        for (Object[] row : table.relation().rows()) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i).name());
                switch (row[i]) {
                    case null -> json.writeNull();
                    case Long l -> json.writeNumber(l);
                    case Double d -> json.writeNumber(d);
                    case String s -> json.writeString(s);
                    case byte[] bytes -> {
                        json.writeStartObject();
                        json.writeStringField(BLOB_KEY, Base64.getEncoder().encodeToString(bytes));
                        json.writeEndObject();
                    }
                    default -> throw new IllegalStateException("not an SQLite value: " + row[i]);
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The save already failed; that error is the one to report.
            }
        }
    }

    /** A profile or state file whose rows cannot be read; the message names the file and the offending entry. */
    public static final class MalformedRowsException extends RuntimeException {
        public MalformedRowsException(String message) {
            super(message);
        }
    }
}
