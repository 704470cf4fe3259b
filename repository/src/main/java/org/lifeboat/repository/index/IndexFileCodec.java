package org.lifeboat.repository.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.pack.PackBlob;

/**
 * Index file JSON ({@code internal/repository/index.go}), streamed so that a large index never becomes a JSON tree.
 *
 * <pre>{"supersedes":[...],"packs":[{"id":"..","blobs":[{"id":"..","type":"data","offset":0,"length":44,
 * "uncompressed_length":3}]}]}</pre>
 *
 * <p>Reads the legacy format too (a bare array of packs, restic before 0.2) because restic 0.14 still accepts it.
 */
public final class IndexFileCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private IndexFileCodec() {}

    /** Compact JSON with a trailing newline, as restic's {@code json.Encoder} writes; empty {@code supersedes} omitted. */
    public static byte[] encode(IndexContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 160 * content.blobCount());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (!content.supersedes().isEmpty()) {
                json.writeArrayFieldStart("supersedes");
                for (Id id : content.supersedes()) {
                    json.writeString(id.toString());
                }
                json.writeEndArray();
            }
            json.writeArrayFieldStart("packs");
            for (IndexedPack pack : content.packs()) {
                json.writeStartObject();
                json.writeStringField("id", pack.packId().toString());
                json.writeArrayFieldStart("blobs");
                for (PackBlob blob : pack.blobs()) {
                    json.writeStartObject();
                    json.writeStringField("id", blob.handle().id().toString());
                    json.writeStringField("type", blob.handle().type().jsonName());
                    json.writeNumberField("offset", blob.offset());
                    json.writeNumberField("length", blob.length());
                    if (blob.isCompressed()) {
                        json.writeNumberField("uncompressed_length", blob.uncompressedLength());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Parses an index file's JSON.
     *
     * @param fileName names the file in error messages
     * @throws CorruptFileException for malformed JSON, missing fields or invalid values
     */
    public static IndexContent decode(String fileName, byte[] json) throws CorruptFileException {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return new IndexContent(List.of(), readPacks(parser));
            }
            expect(parser, first, JsonToken.START_OBJECT, "an index object");
            List<Id> supersedes = new ArrayList<>();
            List<IndexedPack> packs = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "supersedes" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            expect(parser, value, JsonToken.START_ARRAY, "'supersedes' array");
                            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                                supersedes.add(Id.parse(parser.getText()));
                            }
                        }
                    }
                    case "packs" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            expect(parser, value, JsonToken.START_ARRAY, "'packs' array");
                            packs.addAll(readPacks(parser));
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            return new IndexContent(supersedes, packs);
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptFileException(fileName, "invalid index JSON: " + e.getMessage(), e);
        }
    }

    private static List<IndexedPack> readPacks(JsonParser parser) throws IOException {
        List<IndexedPack> packs = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            expect(parser, token, JsonToken.START_OBJECT, "a pack object");
            Id packId = null;
            List<PackBlob> blobs = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> packId = Id.parse(parser.getValueAsString(""));
                    case "blobs" -> {
                        if (value != JsonToken.VALUE_NULL) {
                            expect(parser, value, JsonToken.START_ARRAY, "'blobs' array");
                            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                                expect(parser, token, JsonToken.START_OBJECT, "a blob object");
                                blobs.add(readBlob(parser));
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (packId == null) {
                throw new IllegalArgumentException("a pack entry has no 'id'");
            }
            packs.add(new IndexedPack(packId, blobs));
        }
        return packs;
    }

    private static PackBlob readBlob(JsonParser parser) throws IOException {
        Id id = null;
        BlobType type = null;
        long offset = -1;
        long length = -1;
        long uncompressedLength = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = Id.parse(parser.getValueAsString(""));
                case "type" -> type = BlobType.fromJsonName(parser.getValueAsString(""));
                case "offset" -> offset = number(parser, field);
                case "length" -> length = number(parser, field);
                case "uncompressed_length" -> uncompressedLength = number(parser, field);
                default -> parser.skipChildren();
            }
        }
        if (id == null || type == null || offset < 0 || length < 0) {
            throw new IllegalArgumentException("a blob entry needs 'id', 'type', 'offset' and 'length'");
        }
        if (length > Integer.MAX_VALUE || uncompressedLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("blob " + id + " has an impossible length " + length);
        }
        return new PackBlob(new BlobHandle(id, type), offset, (int) length, (int) uncompressedLength);
    }

    private static long number(JsonParser parser, String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getValueAsLong(-1) < 0) {
            throw new IllegalArgumentException("'" + field + "' is a non-negative integer, got " + parser.getText());
        }
        return parser.getLongValue();
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException(
                    "expected " + what + " at " + parser.currentLocation().offsetDescription() + ", got " + actual);
        }
    }
}
