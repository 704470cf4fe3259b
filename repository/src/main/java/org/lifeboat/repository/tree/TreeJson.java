package org.lifeboat.repository.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.lifeboat.repository.Id;

/**
 * Tree blobs: encoded exactly as restic 0.14 writes them ({@code {"nodes":[...]}} plus a newline, Go field order and
 * omitempty rules, names in {@code strconv.Quote} form), decoded leniently as restic reads them (unknown fields
 * ignored, {@code linktarget_raw} preferred over {@code linktarget}, {@code null} lists accepted).
 */
public final class TreeJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private TreeJson() {}

    public static byte[] encode(Tree tree) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(256 * (tree.nodes().size() + 1));
        GoJsonWriter json = new GoJsonWriter(bytes);
        json.beginObject();
        json.beginArray("nodes");
        for (Node node : tree.nodes()) {
            writeNode(json, node);
        }
        json.endArray();
        json.endObject();
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void writeNode(GoJsonWriter json, Node node) {
        json.beginObject();
        json.field("name", node.name().toQuoted());
        json.field("type", node.type().jsonName());
        if (node.mode().bits() != 0) {
            json.rawField("mode", node.mode().toJson());
        }
        json.field("mtime", GoTime.format(node.mtime()));
        json.field("atime", GoTime.format(node.atime()));
        json.field("ctime", GoTime.format(node.ctime()));
        json.rawField("uid", Integer.toUnsignedString(node.uid()));
        json.rawField("gid", Integer.toUnsignedString(node.gid()));
        writeUnlessEmpty(json, "user", node.user());
        writeUnlessEmpty(json, "group", node.group());
        writeUnlessZero(json, "inode", node.inode());
        writeUnlessZero(json, "device_id", node.deviceId());
        writeUnlessZero(json, "size", node.size());
        writeUnlessZero(json, "links", node.links());
        if (node.linkTarget().length() > 0) {
            json.field("linktarget", node.linkTarget().toByteArray());
            if (!node.linkTarget().isValidUtf8()) {
                // restic ≥ 0.16 keeps the exact bytes here; plain JSON strings cannot hold invalid UTF-8.
                json.field(
                        "linktarget_raw",
                        Base64.getEncoder().encodeToString(node.linkTarget().toByteArray()));
            }
        }
        if (!node.extendedAttributes().isEmpty()) {
            json.beginArray("extended_attributes");
            for (ExtendedAttribute attribute : node.extendedAttributes()) {
                json.beginObject();
                json.field("name", attribute.name());
                json.field(
                        "value",
                        Base64.getEncoder().encodeToString(attribute.value().toByteArray()));
                json.endObject();
            }
            json.endArray();
        }
        writeUnlessZero(json, "device", node.device());
        if (node.type() == NodeType.FILE || !node.content().isEmpty()) {
            json.beginArray("content");
            for (Id id : node.content()) {
                json.arrayString(id.toString());
            }
            json.endArray();
        } else {
            json.rawField("content", "null");
        }
        if (node.subtree() != null) {
            json.field("subtree", node.subtree().toString());
        }
        writeUnlessEmpty(json, "error", node.error());
        json.endObject();
    }

    private static void writeUnlessEmpty(GoJsonWriter json, String key, String value) {
        if (!value.isEmpty()) {
            json.field(key, value);
        }
    }

    private static void writeUnlessZero(GoJsonWriter json, String key, long value) {
        if (value != 0) {
            json.rawField(key, Long.toUnsignedString(value));
        }
    }

    /** Decodes a tree blob's plaintext; {@code id} only names the blob in error messages. */
    public static Tree decode(Id id, byte[] plaintext) throws InvalidTreeException {
        try (JsonParser parser = JSON.createParser(plaintext)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "a tree object");
            List<Node> nodes = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("nodes") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        nodes.add(NodeParser.parse(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return new Tree(nodes);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidTreeException("tree " + id + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + what + ", got " + actual);
        }
    }
}
