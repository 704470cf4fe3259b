package org.lifeboat.android.format.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;
import org.lifeboat.android.format.MalformedExportException;

/**
 * The lossless JSON form of a {@link ProviderDump}:
 *
 * <pre>{"schema":1,"api":34,"tables":{"raw_contacts":[{"_id":1,"display_name":"Ada",…},…],"data":[…]}}</pre>
 *
 * Column order is kept. Cells are a JSON string (TEXT), an integer number (INTEGER), {@code null} (SQL NULL) or
 * {@code {"base64":"…"}} (BLOB); nothing else is accepted on reading, so a dump never silently changes type. One row
 * per line keeps dumps diffable.
 */
public final class ProviderDumpJson {

    private static final String FORMAT = "provider dump JSON";
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private ProviderDumpJson() {}

    /** Writes UTF-8 JSON to {@code out}, leaving it open. */
    public static void write(ProviderDump dump, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(new RowPerLineLayout());
            json.writeStartObject();
            json.writeNumberField("schema", ProviderDump.SCHEMA);
            json.writeNumberField("api", dump.apiLevel());
            json.writeObjectFieldStart("tables");
            for (ProviderTable table : dump.tables().values()) {
                json.writeArrayFieldStart(table.name());
                for (ProviderRow row : table.rows()) {
                    writeRow(json, row);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeRow(JsonGenerator json, ProviderRow row) throws IOException {
        json.writeStartObject();
        for (var cell : row.values().entrySet()) {
            json.writeFieldName(cell.getKey());
            switch (cell.getValue()) {
                case ProviderValue.Null ignored -> json.writeNull();
                case ProviderValue.Text text -> json.writeString(text.value());
                case ProviderValue.Int number -> json.writeNumber(number.value());
                case ProviderValue.Blob blob -> {
                    json.writeStartObject();
                    json.writeStringField("base64", blob.base64());
                    json.writeEndObject();
                }
            }
        }
        json.writeEndObject();
    }

    /** Reads a dump written by {@link #write}; {@code in} is left open. */
    public static ProviderDump read(InputStream in) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            expect(json, json.nextToken(), JsonToken.START_OBJECT, "the dump object");
            Integer schema = null;
            Integer api = null;
            List<ProviderTable> tables = null;
            for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "schema" -> schema = readInt(json, value, "schema");
                    case "api" -> api = readInt(json, value, "api");
                    case "tables" -> tables = readTables(json, value);
                    default -> throw malformed(json, "unknown top-level field \"" + field + "\"");
                }
            }
            if (schema == null || schema != ProviderDump.SCHEMA) {
                throw new MalformedExportException(
                        FORMAT, "schema is " + schema + ", this version reads schema " + ProviderDump.SCHEMA);
            }
            if (api == null || tables == null) {
                throw new MalformedExportException(FORMAT, "\"api\" and \"tables\" are required");
            }
            if (json.nextToken() != null) {
                throw malformed(json, "trailing content after the dump object");
            }
            return ProviderDump.of(api, tables);
        } catch (JsonProcessingException e) {
            throw new MalformedExportException(FORMAT, e.getOriginalMessage() + " at " + location(e), e);
        }
    }

    private static List<ProviderTable> readTables(JsonParser json, JsonToken token) throws IOException {
        expect(json, token, JsonToken.START_OBJECT, "\"tables\" object");
        List<ProviderTable> tables = new ArrayList<>();
        for (JsonToken field = json.nextToken(); field != JsonToken.END_OBJECT; field = json.nextToken()) {
            String name = json.currentName();
            expect(json, json.nextToken(), JsonToken.START_ARRAY, "array of rows for table " + name);
            List<ProviderRow> rows = new ArrayList<>();
            for (JsonToken row = json.nextToken(); row != JsonToken.END_ARRAY; row = json.nextToken()) {
                expect(json, row, JsonToken.START_OBJECT, "row object in table " + name);
                rows.add(readRow(json, name));
            }
            tables.add(new ProviderTable(name, rows));
        }
        return tables;
    }

    private static ProviderRow readRow(JsonParser json, String table) throws IOException {
        var cells = new LinkedHashMap<String, ProviderValue>();
        for (JsonToken field = json.nextToken(); field != JsonToken.END_OBJECT; field = json.nextToken()) {
            String column = json.currentName();
            JsonToken value = json.nextToken();
            cells.put(
                    column,
                    switch (value) {
                        case VALUE_NULL -> ProviderValue.nullValue();
                        case VALUE_STRING -> ProviderValue.text(json.getText());
                        case VALUE_NUMBER_INT -> {
                            if (json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                                throw malformed(json, table + "." + column + " does not fit in 64 bits");
                            }
                            yield ProviderValue.integer(json.getLongValue());
                        }
                        case START_OBJECT -> readBlob(json, table + "." + column);
                        default ->
                            throw malformed(
                                    json,
                                    table + "." + column + " is " + value
                                            + "; expected a string, an integer, null or {\"base64\":…}");
                    });
        }
        return ProviderRow.builder().putAll(cells).build();
    }

    private static ProviderValue readBlob(JsonParser json, String cell) throws IOException {
        if (json.nextToken() != JsonToken.FIELD_NAME || !json.currentName().equals("base64")) {
            throw malformed(json, cell + " is an object other than {\"base64\":…}");
        }
        expect(json, json.nextToken(), JsonToken.VALUE_STRING, "base64 text of " + cell);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(json.getText());
        } catch (IllegalArgumentException e) {
            throw malformed(json, cell + " is not valid base64: " + e.getMessage());
        }
        expect(json, json.nextToken(), JsonToken.END_OBJECT, "end of " + cell + " after \"base64\"");
        return ProviderValue.blob(bytes);
    }

    private static int readInt(JsonParser json, JsonToken token, String field) throws IOException {
        expect(json, token, JsonToken.VALUE_NUMBER_INT, "integer \"" + field + "\"");
        return json.getIntValue();
    }

    private static void expect(JsonParser json, JsonToken actual, JsonToken expected, String what)
            throws MalformedExportException {
        if (actual != expected) {
            throw malformed(json, "expected " + what + ", found " + (actual == null ? "end of input" : actual));
        }
    }

    private static MalformedExportException malformed(JsonParser json, String problem) {
        var at = json.currentLocation();
        return new MalformedExportException(
                FORMAT, problem + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    private static String location(JsonProcessingException e) {
        var at = e.getLocation();
        return at == null ? "unknown position" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
