package org.lifeboat.repository.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.CorruptPackException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.crypto.MasterKey;

class PackHeaderTest {
    private static final Id PACK = Id.hash(new byte[] {1});
    private static final Id BLOB_A = Id.hash(new byte[] {2});
    private static final Id BLOB_B = Id.hash(new byte[] {3});

    @Test
    void encodesResticsEntryLayout() {
        List<PackBlob> blobs = List.of(
                new PackBlob(new BlobHandle(BLOB_A, BlobType.DATA), 0, 44, 0),
                new PackBlob(new BlobHandle(BLOB_B, BlobType.TREE), 44, 53, 100));

        byte[] header = PackHeader.encode(blobs);

        String hex = HexFormat.of().formatHex(header);
        assertThat(header).hasSize(37 + 41);
        assertThat(hex).startsWith("00" + "2c000000" + BLOB_A);
        assertThat(hex.substring(74)).isEqualTo("03" + "35000000" + "64000000" + BLOB_B);
    }

    @Test
    void decodesWithCumulativeOffsets() throws CorruptPackException {
        List<PackBlob> blobs = List.of(
                new PackBlob(new BlobHandle(BLOB_A, BlobType.DATA), 0, 44, 0),
                new PackBlob(new BlobHandle(BLOB_B, BlobType.DATA), 44, 60, 20),
                new PackBlob(new BlobHandle(BLOB_A, BlobType.TREE), 104, 33, 0));

        assertThat(PackHeader.decode(PACK, PackHeader.encode(blobs))).isEqualTo(blobs);
        assertThat(PackHeader.packSize(blobs)).isEqualTo(44 + 60 + 33 + 37 + 41 + 37 + 32 + 4);
    }

    @Test
    void rejectsInvalidTypeTruncationAndImpossibleLengths() {
        byte[] header = PackHeader.encode(List.of(new PackBlob(new BlobHandle(BLOB_A, BlobType.DATA), 0, 44, 0)));

        byte[] badType = header.clone();
        badType[0] = 4;
        assertThatThrownBy(() -> PackHeader.decode(PACK, badType))
                .isInstanceOf(CorruptPackException.class)
                .hasMessageContaining(PACK.toString())
                .hasMessageContaining("invalid type 4");

        byte[] truncated = java.util.Arrays.copyOf(header, 20);
        assertThatThrownBy(() -> PackHeader.decode(PACK, truncated))
                .isInstanceOf(CorruptPackException.class)
                .hasMessageContaining("truncated");

        byte[] tooShort = header.clone();
        ByteBuffer.wrap(tooShort, 1, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(5);
        assertThatThrownBy(() -> PackHeader.decode(PACK, tooShort))
                .isInstanceOf(CorruptPackException.class)
                .hasMessageContaining("impossible length 5");
    }

    @Test
    void packFileParsingSurvivesGarbageWithPreciseExceptions() {
        MasterKey key = MasterKey.generate(new SecureRandom());
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            if (garbage.length >= 4 && random.nextBoolean()) {
                // A plausible header length makes the parser go further.
                int length = random.nextInt(garbage.length);
                ByteBuffer.wrap(garbage, garbage.length - 4, 4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(length);
            }
            assertThatThrownBy(() -> PackFile.parseHeader(key, PACK, garbage))
                    .isInstanceOf(CorruptPackException.class)
                    .hasMessageContaining(PACK.toString());
            byte[] header = withFirstByte(garbage, random.nextInt(4));
            try {
                // Whatever decodes must be a consistent layout.
                List<PackBlob> decoded = PackHeader.decode(PACK, header);
                assertThat(PackHeader.encode(decoded)).isEqualTo(header);
            } catch (CorruptPackException expected) {
                assertThat(expected).hasMessageContaining(PACK.toString());
            }
        }
    }

    @Test
    void truncatedRealPackIsReportedNotCrashed() throws CorruptPackException {
        MasterKey key = MasterKey.generate(new SecureRandom());
        Packer packer = new Packer(1024);
        byte[] plaintext = "blob content".getBytes();
        packer.add(new BlobHandle(Id.hash(plaintext), BlobType.DATA), key.seal(plaintext, new SecureRandom()), 0);
        Packer.FinishedPack pack = packer.finish(key, new SecureRandom());
        byte[] bytes = readAll(pack);

        assertThat(PackFile.parseHeader(key, pack.id(), bytes)).isEqualTo(pack.blobs());
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - cut);
            assertThatThrownBy(() -> PackFile.parseHeader(key, pack.id(), truncated))
                    .isInstanceOf(CorruptPackException.class);
        }
    }

    private static byte[] withFirstByte(byte[] bytes, int first) {
        if (bytes.length == 0) {
            return new byte[] {(byte) first};
        }
        byte[] copy = bytes.clone();
        copy[0] = (byte) first;
        return copy;
    }

    private static byte[] readAll(Packer.FinishedPack pack) {
        try {
            return pack.content().readAllBytes();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
