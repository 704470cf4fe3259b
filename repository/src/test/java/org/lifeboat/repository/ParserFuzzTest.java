package org.lifeboat.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.crypto.MasterKey;
import org.lifeboat.repository.index.IndexFileCodec;
import org.lifeboat.repository.pack.PackBlob;
import org.lifeboat.repository.pack.PackFile;
import org.lifeboat.repository.pack.PackHeader;
import org.lifeboat.repository.tree.InvalidTreeException;
import org.lifeboat.repository.tree.TreeJson;

/**
 * Truncated, bit-flipped and garbage input to the parsers of untrusted repository bytes: each either parses or throws
 * its precise exception, never an unchecked crash (index out of bounds, null pointer, number format...).
 */
class ParserFuzzTest {
    private static final int CASES = 3000;
    private static final Id PACK_ID = Id.hash(new byte[] {1});
    private static final Id TREE_ID = Id.hash(new byte[] {2});

    private static final String INDEX = "{\"packs\":[{\"id\":\"" + hex(3) + "\",\"blobs\":["
            + "{\"id\":\"" + hex(4) + "\",\"type\":\"data\",\"offset\":0,\"length\":44,\"uncompressed_length\":3},"
            + "{\"id\":\"" + hex(5) + "\",\"type\":\"tree\",\"offset\":44,\"length\":53}]}],"
            + "\"supersedes\":[\"" + hex(6) + "\"]}\n";

    private static final String TREE = "{\"nodes\":[{\"name\":\"big.bin\",\"type\":\"file\",\"mode\":420,"
            + "\"mtime\":\"2026-11-22T01:50:13.325334594Z\",\"atime\":\"2026-11-22T01:50:13.325334594+01:00\","
            + "\"ctime\":\"2026-11-22T01:50:13Z\",\"uid\":0,\"gid\":0,\"user\":\"root\",\"group\":\"root\","
            + "\"inode\":2146659,\"device_id\":65024,\"size\":20000000,\"links\":1,"
            + "\"extended_attributes\":[{\"name\":\"user.x\",\"value\":\"AAE=\"},{\"name\":\"user.y\",\"value\":null}],"
            + "\"content\":[\"" + hex(7) + "\",\"" + hex(8) + "\"]},"
            + "{\"name\":\"we\\\\\\\"ird\\\\xff\\\\u00fc\",\"type\":\"dir\",\"mode\":2147484141,"
            + "\"mtime\":\"2026-11-22T01:50:13Z\",\"atime\":\"2026-11-22T01:50:13Z\",\"ctime\":\"2026-11-22T01:50:13Z\","
            + "\"uid\":1000,\"gid\":100,\"content\":null,\"subtree\":\"" + hex(9) + "\"},"
            + "{\"name\":\"link\",\"type\":\"symlink\",\"mode\":134218239,\"mtime\":\"2026-11-22T01:50:13Z\","
            + "\"atime\":\"2026-11-22T01:50:13Z\",\"ctime\":\"2026-11-22T01:50:13Z\",\"uid\":0,\"gid\":0,"
            + "\"linktarget\":\"../x\",\"linktarget_raw\":\"Li4veP8=\",\"content\":null}]}\n";

    private final SplittableRandom random = new SplittableRandom(20261122);

    @Test
    void packHeaderParserOnlyEverThrowsCorruptPackException() {
        byte[] header = PackHeader.encode(List.of(
                new PackBlob(new BlobHandle(Id.hash(new byte[] {10}), BlobType.DATA), 0, 100, 0),
                new PackBlob(new BlobHandle(Id.hash(new byte[] {11}), BlobType.TREE), 100, 60, 70),
                new PackBlob(new BlobHandle(Id.hash(new byte[] {12}), BlobType.DATA), 160, 40, 9)));
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutate(header);
            expectParsedOr(CorruptPackException.class, input, () -> PackHeader.decode(PACK_ID, input));
        }
    }

    @Test
    void packFileParserOnlyEverThrowsCorruptPackException() {
        MasterKey key = MasterKey.generate(new SecureRandom());
        SecureRandom sealing = new SecureRandom();
        List<PackBlob> blobs = List.of(
                new PackBlob(new BlobHandle(Id.hash(new byte[] {10}), BlobType.DATA), 0, 40, 0),
                new PackBlob(new BlobHandle(Id.hash(new byte[] {11}), BlobType.DATA), 40, 50, 30));
        byte[] header = PackHeader.encode(blobs);
        for (int i = 0; i < CASES; i++) {
            // Half the cases mutate the sealed file (MAC and length checks), half seal a mutated header (parsing).
            byte[] pack = i % 2 == 0
                    ? mutate(pack(new byte[90], key.seal(header, sealing)))
                    : pack(new byte[90], key.seal(mutate(header), sealing));
            expectParsedOr(CorruptPackException.class, pack, () -> PackFile.parseHeader(key, PACK_ID, pack));
        }
    }

    @Test
    void indexParserOnlyEverThrowsCorruptFileException() throws Exception {
        assertThat(IndexFileCodec.decode("index/seed", utf8(INDEX)).packs()).hasSize(1);
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutateJson(utf8(INDEX));
            expectParsedOr(CorruptFileException.class, input, () -> IndexFileCodec.decode("index/fuzz", input));
        }
    }

    @Test
    void treeParserOnlyEverThrowsInvalidTreeException() throws Exception {
        assertThat(TreeJson.decode(TREE_ID, utf8(TREE)).nodes()).hasSize(3);
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutateJson(utf8(TREE));
            expectParsedOr(InvalidTreeException.class, input, () -> TreeJson.decode(TREE_ID, input));
        }
    }

    private interface Parse {
        Object run() throws Exception;
    }

    private static void expectParsedOr(Class<? extends Exception> allowed, byte[] input, Parse parse) {
        try {
            parse.run();
        } catch (Exception e) {
            String context = new String(input, StandardCharsets.ISO_8859_1);
            assertThat(e).as("input %s", context).isInstanceOf(allowed);
            // Wrapping a crash does not make it precise: no programming error may hide in the cause chain.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                assertThat(cause)
                        .as("cause of %s for input %s", e, context)
                        .isNotInstanceOfAny(
                                NullPointerException.class,
                                IndexOutOfBoundsException.class,
                                ClassCastException.class,
                                ArithmeticException.class,
                                NegativeArraySizeException.class);
            }
        }
    }

    private static byte[] pack(byte[] blobBytes, byte[] sealedHeader) {
        ByteBuffer pack =
                ByteBuffer.allocate(blobBytes.length + sealedHeader.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        return pack.put(blobBytes).put(sealedHeader).putInt(sealedHeader.length).array();
    }

    /** Byte-level damage: truncation, bit flips, overwritten ranges, insertions, or pure garbage. */
    private byte[] mutate(byte[] original) {
        byte[] bytes = original.clone();
        return switch (random.nextInt(6)) {
            case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 1 -> {
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield bytes;
            }
            case 2 -> {
                int start = random.nextInt(bytes.length);
                int end = Math.min(bytes.length, start + 1 + random.nextInt(16));
                for (int j = start; j < end; j++) {
                    bytes[j] = (byte) random.nextInt(256);
                }
                yield bytes;
            }
            case 3 -> {
                int at = random.nextInt(bytes.length + 1);
                byte[] inserted = new byte[1 + random.nextInt(8)];
                random.nextBytes(inserted);
                byte[] longer = new byte[bytes.length + inserted.length];
                System.arraycopy(bytes, 0, longer, 0, at);
                System.arraycopy(inserted, 0, longer, at, inserted.length);
                System.arraycopy(bytes, at, longer, at + inserted.length, bytes.length - at);
                yield longer;
            }
            case 4 -> {
                byte[] garbage = new byte[random.nextInt(200)];
                random.nextBytes(garbage);
                yield garbage;
            }
            default -> Arrays.copyOfRange(bytes, random.nextInt(bytes.length), bytes.length);
        };
    }

    /** JSON-aware damage on top of byte damage: wrong types, huge or negative numbers, nulls, dropped tokens. */
    private byte[] mutateJson(byte[] json) {
        if (random.nextBoolean()) {
            return mutate(json);
        }
        String text = new String(json, StandardCharsets.UTF_8);
        String[] replacements = {
            "null",
            "-1",
            "99999999999999999999999",
            "1e400",
            "\"x\"",
            "[]",
            "{}",
            "true",
            "\"\"",
            "0.5",
            "\"zz\"",
            "\"" + hex(1).substring(0, 63) + "\"",
            "\"\\ud800\"",
            "\"\\x\"",
            "\"\\\"\""
        };
        List<int[]> values = new ArrayList<>();
        int valueStart = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '[' || (c == ',' && valueStart < 0)) {
                valueStart = i + 1;
            } else if ((c == ',' || c == '}' || c == ']') && valueStart >= 0 && valueStart < i) {
                values.add(new int[] {valueStart, i});
                valueStart = c == ',' ? i + 1 : -1;
            }
        }
        int[] target = values.get(random.nextInt(values.size()));
        String replacement = random.nextInt(5) == 0 ? "" : replacements[random.nextInt(replacements.length)];
        return utf8(text.substring(0, target[0]) + replacement + text.substring(target[1]));
    }

    private static String hex(int seed) {
        return Id.hash(new byte[] {(byte) seed, 42}).toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
