package org.lifeboat.repository.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.CorruptFileException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.pack.PackBlob;

class IndexFileCodecTest {
    private static final Id PACK = Id.hash(new byte[] {1});
    private static final Id OLD = Id.hash(new byte[] {9});
    private static final PackBlob DATA = new PackBlob(new BlobHandle(Id.hash(new byte[] {2}), BlobType.DATA), 0, 44, 3);
    private static final PackBlob TREE =
            new PackBlob(new BlobHandle(Id.hash(new byte[] {3}), BlobType.TREE), 44, 53, 0);

    @Test
    void writesResticsJsonAndReadsItBack() throws CorruptFileException {
        IndexContent content = new IndexContent(List.of(OLD), List.of(new IndexedPack(PACK, List.of(DATA, TREE))));

        String json = new String(IndexFileCodec.encode(content), StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo("{\"supersedes\":[\"" + OLD + "\"],\"packs\":[{\"id\":\"" + PACK + "\",\"blobs\":["
                        + "{\"id\":\"" + DATA.handle().id() + "\",\"type\":\"data\",\"offset\":0,\"length\":44,"
                        + "\"uncompressed_length\":3},"
                        + "{\"id\":\"" + TREE.handle().id()
                        + "\",\"type\":\"tree\",\"offset\":44,\"length\":53}]}]}\n");
        assertThat(IndexFileCodec.decode("index/x", json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(content);
    }

    @Test
    void omitsEmptySupersedesAndReadsLegacyArrayFormat() throws CorruptFileException {
        IndexContent content = new IndexContent(List.of(), List.of(new IndexedPack(PACK, List.of(DATA))));
        String json = new String(IndexFileCodec.encode(content), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("supersedes");

        String legacy = "[{\"id\":\"" + PACK + "\",\"blobs\":[{\"id\":\""
                + DATA.handle().id() + "\",\"type\":\"data\",\"offset\":0,\"length\":44,\"uncompressed_length\":3}]}]";
        assertThat(IndexFileCodec.decode("index/x", legacy.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(content);
    }

    @Test
    void rejectsBadValuesWithTheFileName() {
        String badType = "{\"packs\":[{\"id\":\"" + PACK + "\",\"blobs\":[{\"id\":\""
                + DATA.handle().id() + "\",\"type\":\"blob\",\"offset\":0,\"length\":44}]}]}";
        assertThatThrownBy(() -> IndexFileCodec.decode("index/abc", badType.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("index/abc")
                .hasMessageContaining("'blob'");
        String negative = badType.replace("\"blob\"", "\"data\"").replace("\"offset\":0", "\"offset\":-1");
        assertThatThrownBy(() -> IndexFileCodec.decode("index/abc", negative.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("'offset'");
    }

    @Test
    void truncatedAndGarbageInputGivesCorruptFileException() {
        byte[] valid = IndexFileCodec.encode(
                new IndexContent(List.of(OLD), List.of(new IndexedPack(PACK, List.of(DATA, TREE)))));
        for (int length = 0; length < valid.length - 2; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> IndexFileCodec.decode("index/t", truncated))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(CorruptFileException.class);
        }
        Random random = new Random(7);
        for (int round = 0; round < 1000; round++) {
            byte[] garbage = valid.clone();
            garbage[random.nextInt(garbage.length)] = (byte) random.nextInt(256);
            try {
                IndexFileCodec.decode("index/g", garbage);
            } catch (CorruptFileException expected) {
                assertThat(expected).hasMessageContaining("index/g");
            }
        }
    }
}
