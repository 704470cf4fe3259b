package org.lifeboat.virtualphone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What {@code content query} prints for profile rows, computed from the profile JSON alone, as AOSP's
 * {@code Content.java} QueryCommand formats a cursor: {@code "Row: " + index + " "}, then {@code name=value} pairs
 * joined by {@code ", "}, values unescaped, SQL NULL as {@code NULL}, BLOBs as {@code BLOB}, FLOAT through
 * {@code getFloat}; {@code No result found.} for an empty cursor. Independent of the phone's own formatter on purpose.
 */
final class ContentRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentRows() {}

    /** The rows of {@code table} in a provider file that pass {@code filter}, ordered by {@code _id}. */
    static List<JsonNode> rows(Path providerFile, String table, Predicate<JsonNode> filter) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(providerFile.toFile()).path(table).forEach(row -> {
            if (filter.test(row)) {
                rows.add(row);
            }
        });
        rows.sort(Comparator.comparingLong(row -> row.path("_id").asLong()));
        return rows;
    }

    /** The exact stdout of a query with {@code --projection} {@code columns} that returned {@code rows}. */
    static String format(List<JsonNode> rows, List<String> columns) {
        if (rows.isEmpty()) {
            return "No result found.\n";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            out.append("Row: ").append(i).append(' ');
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    out.append(", ");
                }
                out.append(columns.get(c)).append('=').append(value(rows.get(i).get(columns.get(c))));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String value(JsonNode value) {
        if (value == null || value.isNull()) {
            return "NULL";
        }
        if (value.isObject() && value.has("base64")) {
            return "BLOB";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        if (value.isIntegralNumber()) {
            return Long.toString(value.longValue());
        }
        if (value.isNumber()) {
            return String.valueOf((float) value.doubleValue());
        }
        return value.textValue();
    }
}
