package org.lifeboat.repository.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.tree.GoTime;

/** Snapshot files' JSON in restic 0.14's field order and omitempty rules; read leniently, as Go does. */
public final class SnapshotJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private SnapshotJson() {}

    public static byte[] encode(Snapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("time", GoTime.format(snapshot.time()));
            if (snapshot.parent() != null) {
                json.writeStringField("parent", snapshot.parent().toString());
            }
            json.writeStringField("tree", snapshot.tree().toString());
            writeList(json, "paths", snapshot.paths(), true);
            writeUnlessEmpty(json, "hostname", snapshot.hostname());
            writeUnlessEmpty(json, "username", snapshot.username());
            if (snapshot.uid() != 0) {
                json.writeFieldName("uid");
                json.writeNumber(Integer.toUnsignedLong(snapshot.uid()));
            }
            if (snapshot.gid() != 0) {
                json.writeFieldName("gid");
                json.writeNumber(Integer.toUnsignedLong(snapshot.gid()));
            }
            writeList(json, "excludes", snapshot.excludes(), false);
            writeList(json, "tags", snapshot.tags(), false);
            if (snapshot.original() != null) {
                json.writeStringField("original", snapshot.original().toString());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeList(JsonGenerator json, String key, List<String> values, boolean always)
            throws IOException {
        if (values.isEmpty() && !always) {
            return;
        }
        json.writeArrayFieldStart(key);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void writeUnlessEmpty(JsonGenerator json, String key, String value) throws IOException {
        if (!value.isEmpty()) {
            json.writeStringField(key, value);
        }
    }

    /** Decodes a snapshot file's JSON; {@code id} names it in errors. */
    public static Snapshot decode(Id id, byte[] json) throws CorruptFileException {
        String file = "snapshots/" + id;
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new CorruptFileException(file, "not a JSON object");
            }
            JsonNode time = root.get("time");
            JsonNode tree = root.get("tree");
            if (time == null || !time.isTextual() || tree == null || !tree.isTextual()) {
                throw new CorruptFileException(file, "needs 'time' and 'tree'");
            }
            return new Snapshot(
                    GoTime.parse(time.asText()),
                    optionalId(root, "parent"),
                    Id.parse(tree.asText()),
                    strings(root, "paths"),
                    text(root, "hostname"),
                    text(root, "username"),
                    (int) unsigned32(root, "uid"),
                    (int) unsigned32(root, "gid"),
                    strings(root, "excludes"),
                    strings(root, "tags"),
                    optionalId(root, "original"));
        } catch (IOException | IllegalArgumentException e) {
            if (e instanceof CorruptFileException corrupt) {
                throw corrupt;
            }
            throw new CorruptFileException(file, e.getMessage(), e);
        }
    }

    private static Id optionalId(JsonNode root, String key) {
        JsonNode value = root.get(key);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : Id.parse(value.asText());
    }

    private static String text(JsonNode root, String key) {
        JsonNode value = root.get(key);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static long unsigned32(JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToLong() || value.asLong() < 0 || value.asLong() > 0xffff_ffffL) {
            throw new IllegalArgumentException("'" + key + "' must be an unsigned 32-bit number, got " + value);
        }
        return value.asLong();
    }

    private static List<String> strings(JsonNode root, String key) {
        JsonNode value = root.get(key);
        List<String> result = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(element -> result.add(element.asText()));
        }
        return result;
    }
}
