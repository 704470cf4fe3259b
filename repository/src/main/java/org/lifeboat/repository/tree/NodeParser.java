package org.lifeboat.repository.tree;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.lifeboat.repository.Id;

/** Reads one node object the way Go's {@code json.Unmarshal} into restic's {@code Node} would. */
final class NodeParser {
    private NodeParser() {}

    static Node parse(JsonParser parser) throws IOException {
        String name = null;
        String type = null;
        ByteString linkTarget = ByteString.EMPTY;
        ByteString linkTargetRaw = null;
        OffsetDateTime mtime = GoTime.ZERO;
        OffsetDateTime atime = GoTime.ZERO;
        OffsetDateTime ctime = GoTime.ZERO;
        int uid = 0;
        int gid = 0;
        String user = "";
        String group = "";
        long inode = 0;
        long deviceId = 0;
        long links = 0;
        Fields fields = new Fields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "name" -> name = parser.getText();
                case "type" -> type = parser.getText();
                case "mode" -> fields.mode = new FileMode((int) unsigned(parser, 32));
                case "mtime" -> mtime = GoTime.parse(parser.getText());
                case "atime" -> atime = GoTime.parse(parser.getText());
                case "ctime" -> ctime = GoTime.parse(parser.getText());
                case "uid" -> uid = (int) unsigned(parser, 32);
                case "gid" -> gid = (int) unsigned(parser, 32);
                case "user" -> user = parser.getText();
                case "group" -> group = parser.getText();
                case "inode" -> inode = unsigned(parser, 64);
                case "device_id" -> deviceId = unsigned(parser, 64);
                case "size" -> fields.size = unsigned(parser, 64);
                case "links" -> links = unsigned(parser, 64);
                case "linktarget" -> linkTarget = ByteString.utf8(parser.getText());
                case "linktarget_raw" ->
                    linkTargetRaw = ByteString.wrap(Base64.getDecoder().decode(parser.getText()));
                case "extended_attributes" -> fields.attributes = attributes(parser);
                case "device" -> fields.device = unsigned(parser, 64);
                case "content" -> fields.content = ids(parser);
                case "subtree" -> fields.subtree = Id.parse(parser.getText());
                case "error" -> fields.error = parser.getText();
                default -> parser.skipChildren();
            }
        }
        if (name == null || type == null) {
            throw new IOException("a node needs a name and a type");
        }
        ByteString rawName = ByteString.wrap(GoQuote.unquote(name));
        return Node.builder(rawName, NodeType.fromJsonName(type))
                .mode(fields.mode)
                .times(mtime, atime, ctime)
                .owner(uid, gid, user, group)
                .inode(inode, deviceId, links)
                .size(fields.size)
                .linkTarget(linkTargetRaw != null ? linkTargetRaw : linkTarget)
                .extendedAttributes(fields.attributes)
                .device(fields.device)
                .content(fields.content)
                .subtree(fields.subtree)
                .error(fields.error)
                .build();
    }

    /** The fields that need no conversion at build time, grouped to keep {@link #parse} readable. */
    private static final class Fields {
        FileMode mode = new FileMode(0);
        long size;
        long device;
        List<ExtendedAttribute> attributes = List.of();
        List<Id> content = List.of();
        Id subtree;
        String error = "";
    }

    private static long unsigned(JsonParser parser, int bits) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IOException(
                    "'" + parser.currentName() + "' must be an unsigned integer, got " + parser.getText());
        }
        String text = parser.getText();
        long value = Long.parseUnsignedLong(text);
        if (bits == 32 && Long.compareUnsigned(value, 0xffff_ffffL) > 0) {
            throw new IOException("'" + parser.currentName() + "' must fit 32 bits, got " + text);
        }
        return value;
    }

    private static List<Id> ids(JsonParser parser) throws IOException {
        TreeJson.expect(parser.currentToken(), JsonToken.START_ARRAY, "a list of blob IDs");
        List<Id> ids = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            ids.add(Id.parse(parser.getText()));
        }
        TreeJson.expect(parser.currentToken(), JsonToken.END_ARRAY, "a blob ID");
        return ids;
    }

    private static List<ExtendedAttribute> attributes(JsonParser parser) throws IOException {
        TreeJson.expect(parser.currentToken(), JsonToken.START_ARRAY, "a list of extended attributes");
        List<ExtendedAttribute> attributes = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String name = "";
            ByteString value = ByteString.EMPTY;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if (field.equals("name") && token == JsonToken.VALUE_STRING) {
                    name = parser.getText();
                } else if (field.equals("value") && token == JsonToken.VALUE_STRING) {
                    value = ByteString.wrap(Base64.getDecoder().decode(parser.getText()));
                } else {
                    parser.skipChildren();
                }
            }
            attributes.add(new ExtendedAttribute(name, value));
        }
        return attributes;
    }
}
