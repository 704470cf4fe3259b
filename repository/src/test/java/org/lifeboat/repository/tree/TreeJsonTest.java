package org.lifeboat.repository.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.Id;

class TreeJsonTest {
    /** A tree blob restic 0.14 wrote for a directory of hostile names (plaintext of {@code restic cat blob}). */
    private static final String HOSTILE_TREE = "restic-0.14-hostile-tree.json";

    private static final Id HOSTILE_TREE_ID =
            Id.parse("7bc6343b4bdb59c508f469adf52df79e5c38d7468d152e6cd9990c8e9fb4c4c2");

    @Test
    void readsResticsHostileNamesAsRawBytes() throws IOException {
        Tree tree = TreeJson.decode(HOSTILE_TREE_ID, resource(HOSTILE_TREE));

        assertThat(tree.find(ByteString.of(bytes("bad", 0xff, "name")))).isPresent();
        assertThat(tree.find(ByteString.utf8("we\"ird\\name <&> ü"))).isPresent();
        assertThat(tree.find(ByteString.utf8("line\nbreak"))).isPresent();
        assertThat(tree.find(ByteString.utf8("ctl\u0001\u007f"))).isPresent();
        assertThat(tree.find(ByteString.utf8("café"))).isPresent();
        assertThat(tree.find(ByteString.utf8("cafe\u0301"))).isPresent();
        Node setuidDir = tree.find(ByteString.utf8("setuid-dir")).orElseThrow();
        assertThat(setuidDir.mode().bits()).isEqualTo((int) 2155872749L);
        assertThat(setuidDir.mode().unixPermissions()).isEqualTo(04755);
        Node hardLink = tree.find(ByteString.utf8("hardlink")).orElseThrow();
        Node plain = tree.find(ByteString.utf8("plain.txt")).orElseThrow();
        assertThat(hardLink.links()).isEqualTo(2);
        assertThat(hardLink.inode()).isEqualTo(plain.inode()).isNotZero();
        assertThat(hardLink.content()).isEqualTo(plain.content()).hasSize(1);
        Node empty = tree.find(ByteString.utf8("empty")).orElseThrow();
        assertThat(empty.content()).isEmpty();
        assertThat(empty.size()).isZero();
    }

    @Test
    void reEncodesResticsTreeByteForByte() throws IOException {
        byte[] original = resource(HOSTILE_TREE);

        byte[] encoded = TreeJson.encode(TreeJson.decode(HOSTILE_TREE_ID, original));

        // The one difference is inherent: restic 0.14 replaced the invalid byte of a symlink target by U+FFFD
        // and wrote it as an escape; after reading, it is a valid U+FFFD, which Go and we write raw.
        String expected = new String(original, StandardCharsets.UTF_8).replace("target\\ufffdbad", "target\ufffdbad");
        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void writesNamesAsGoQuoteAndStringsAsGoJson() {
        Node node = Node.builder(ByteString.of(bytes("we\"ird\\n <&>", 0xff, " \u00a0\u2028")), NodeType.FILE)
                .mode(new FileMode(0644))
                .times(time(0), time(500_000_000), time(123_456_789))
                .owner(-2, 0, "", "")
                .size(3)
                .inode(-1L, 1, 1)
                .content(List.of(Id.hash(new byte[] {1, 2, 3})))
                .build();

        String json = new String(TreeJson.encode(new Tree(List.of(node))), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo(
                        "{\"nodes\":[{\"name\":\"we\\\\\\\"ird\\\\\\\\n \\u003c\\u0026\\u003e\\\\xff \\\\u00a0\\\\u2028\","
                                + "\"type\":\"file\",\"mode\":420,\"mtime\":\"2020-01-02T03:04:05Z\","
                                + "\"atime\":\"2020-01-02T03:04:05.5Z\",\"ctime\":\"2020-01-02T03:04:05.123456789Z\","
                                + "\"uid\":4294967294,\"gid\":0,\"inode\":18446744073709551615,\"device_id\":1,\"size\":3,"
                                + "\"links\":1,\"content\":[\"" + Id.hash(new byte[] {1, 2, 3}) + "\"]}]}\n");
    }

    @Test
    void symlinkTargetsThatAreNotUtf8KeepTheirBytesInLinktargetRaw() throws IOException {
        ByteString target = ByteString.of(bytes("to", 0xfe));
        Node link = Node.builder(ByteString.utf8("l"), NodeType.SYMLINK)
                .linkTarget(target)
                .build();

        byte[] encoded = TreeJson.encode(new Tree(List.of(link)));

        assertThat(new String(encoded, StandardCharsets.UTF_8))
                .contains("\"linktarget\":\"to\\ufffd\",\"linktarget_raw\":\"dG/+\",\"content\":null");
        assertThat(TreeJson.decode(Id.hash(encoded), encoded).nodes().getFirst().linkTarget())
                .isEqualTo(target);
    }

    @Test
    void sortsByRawBytesNotByJavaStrings() {
        // U+FFFD (EF BF BD) sorts after U+1F600 (F0 9F 98 80) in Java's UTF-16 order, before it in bytes.
        Node emoji = file("\uD83D\uDE00");
        Node replacement = file("\uFFFD");
        Node ascii = file("z");

        Tree tree = new Tree(List.of(emoji, replacement, ascii));

        assertThat(tree.nodes()).containsExactly(ascii, replacement, emoji);
    }

    @Test
    void rejectsDuplicateNames() {
        assertThatThrownBy(() -> new Tree(List.of(file("a"), file("a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two nodes named a");
    }

    @Test
    void rejectsMalformedTreesWithSpecificMessages() {
        Id id = Id.hash(new byte[0]);
        assertThatThrownBy(
                        () -> TreeJson.decode(id, "{\"nodes\":[{\"name\":\"a\\\\q\",\"type\":\"file\"}]}".getBytes()))
                .isInstanceOf(InvalidTreeException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("unknown escape \\q");
        assertThatThrownBy(() ->
                        TreeJson.decode(id, "{\"nodes\":[{\"name\":\"a\",\"type\":\"file\",\"size\":-1}]}".getBytes()))
                .isInstanceOf(InvalidTreeException.class);
        assertThatThrownBy(() -> TreeJson.decode(id, "{\"nodes\":[{\"name\":\"a\",\"type\":\"weird\"}]}".getBytes()))
                .isInstanceOf(InvalidTreeException.class)
                .hasMessageContaining("'weird'");
        assertThatThrownBy(() -> TreeJson.decode(id, "{\"nodes\":[{\"name\":\"a\",\"typ".getBytes()))
                .isInstanceOf(InvalidTreeException.class);
    }

    @Test
    void readsNullListsAndIgnoresUnknownFields() throws IOException {
        byte[] json = ("{\"nodes\":[{\"name\":\"f\",\"type\":\"file\",\"content\":null,\"extended_attributes\":"
                        + "[{\"name\":\"user.x\",\"value\":null}],\"generic_attributes\":{\"k\":1},\"future\":[1]}],"
                        + "\"extra\":true}")
                .getBytes(StandardCharsets.UTF_8);

        Node node = TreeJson.decode(Id.hash(json), json).nodes().getFirst();

        assertThat(node.content()).isEmpty();
        assertThat(node.extendedAttributes()).containsExactly(new ExtendedAttribute("user.x", ByteString.EMPTY));
    }

    private static Node file(String name) {
        return Node.builder(ByteString.utf8(name), NodeType.FILE).build();
    }

    private static OffsetDateTime time(int nanos) {
        return OffsetDateTime.of(2020, 1, 2, 3, 4, 5, nanos, ZoneOffset.UTC);
    }

    static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TreeJsonTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
