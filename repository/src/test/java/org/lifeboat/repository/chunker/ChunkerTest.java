package org.lifeboat.repository.chunker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.Id;

class ChunkerTest {
    private static final Polynomial TEST_POLYNOMIAL = new Polynomial(0x3DA3358B4DC173L);

    /** restic 0.14 deduplicated against these boundaries (reference section 16.3). */
    private static final String[] SPLITMIX_CHUNKS = {
        "0 1285841 0c9722f1466328d522e24f6602dff1054317d580ebd2bad4cbac3410f5f8384e",
        "1285841 609147 cfd4d851001017cf4ce45fcef3935b17258c6d38a7cff31b88781fb713e21443",
        "1894988 536277 bdac4a60a7253046742e9e3fee0487afb86269b9dc367883da01d16347526c1c",
        "2431265 939814 ff55a781405bb08c7038e371bce470a199ef2706b9980f73f17eac616124bb37",
        "3371079 759094 a713feee7ab742228fab2e5aafed09f06c0c063c004de1c43ea11ce9ac28584a",
        "4130173 1146182 42d1f80774010719cdbd4052e5611e10dd0fb90203611ce3e3bcfe75a69f4463",
        "5276355 2257240 fdc243c093fa9fb18f1c6ec648304722e3f2d2485c8e742c6488f7deef95ceee",
        "7533595 1210894 d9d1df4238181fb2af5953766dc67d13a2f7cef432c01e0a0a494fb6490035dc",
        "8744489 631848 639a98bea14b0b7e70e2e09f6020fb991fe82035b02c612d40b1824bc1659452",
        "9376337 864506 fda7c6682b268a1630d0b96e8712afd593a4bdc735061062fa078363416f63c1",
        "10240843 3818237 8bc1ef424081f76294f7a3e0271220e1ca96082011eea6edda32b1ac154f1731",
        "14059080 2152464 e73c97e2ac0f67741010c7f137fd45962fb6378d2686dc266d9782d85a7936e0",
        "16211544 565672 455e213687b7b052ce1402be97a1449c5ea1e0e8c2147ffd4ac5bd0842959316",
    };

    @Test
    void cutsTheSplitMixStreamWhereResticDoes() throws IOException {
        byte[] data = SplitMix64Stream.bytes(0, 16 * 1024 * 1024);
        assertThat(Id.hash(data).toString())
                .as("the test data itself")
                .isEqualTo("487de41bd45439d5263e5cd3281e858489992d88acb1638477d118e4abf3ad1a");

        List<String> chunks = describe(chunk(TEST_POLYNOMIAL, new ByteArrayInputStream(data)));

        assertThat(chunks).containsExactly(SPLITMIX_CHUNKS);
    }

    @Test
    void cutsTheSameWhateverSizeTheCallerExpected() throws IOException {
        byte[] data = SplitMix64Stream.bytes(0, 16 * 1024 * 1024);
        Chunker chunker = new Chunker(TEST_POLYNOMIAL);

        for (long expected : new long[] {0, 1000, data.length - 1, data.length, 3L * data.length}) {
            ChunkStream stream = chunker.split(new ByteArrayInputStream(data), expected);
            List<Chunk> chunks = new ArrayList<>();
            for (Optional<Chunk> chunk = stream.next(); chunk.isPresent(); chunk = stream.next()) {
                chunks.add(chunk.get());
            }
            assertThat(describe(chunks)).as("expected size %d", expected).containsExactly(SPLITMIX_CHUNKS);
        }
    }

    @Test
    void cutsZerosIntoMinimumSizedChunks() throws IOException {
        // restic/chunker's chunks2 vector: the fingerprint of 64 zero bytes is 0, so every chunk ends at MIN_SIZE.
        List<Chunk> chunks = chunk(TEST_POLYNOMIAL, new ByteArrayInputStream(new byte[4 * Chunker.MIN_SIZE]));

        assertThat(chunks).hasSize(4).allSatisfy(chunk -> {
            assertThat(chunk.length()).isEqualTo(Chunker.MIN_SIZE);
            assertThat(Id.hash(chunk.toByteArray()).toString())
                    .isEqualTo("07854d2fef297a06ba81685e660c332de36d5d18d546927d30daad6d7fda1541");
        });
    }

    @Test
    void boundariesDoNotDependOnHowTheStreamIsRead() throws IOException {
        byte[] data = SplitMix64Stream.bytes(7, 12 * 1024 * 1024 + 12345);
        List<String> whole = describe(chunk(TEST_POLYNOMIAL, new ByteArrayInputStream(data)));

        List<String> trickled = describe(chunk(TEST_POLYNOMIAL, new TricklingStream(data, new SplittableRandom(1))));

        assertThat(trickled).isEqualTo(whole);
    }

    @Test
    void agreesWithAByteAtATimePortOfResticOnRandomPolynomialsAndLowEntropyData() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 3; round++) {
            Polynomial polynomial = Polynomial.randomIrreducible(random);
            byte[] data = lowEntropy(random, 6 * 1024 * 1024 + random.nextInt(1000));

            List<Integer> lengths = chunk(polynomial, new ByteArrayInputStream(data)).stream()
                    .map(Chunk::length)
                    .toList();

            assertThat(lengths).as("polynomial %s", polynomial).isEqualTo(ReferenceChunker.lengths(polynomial, data));
        }
    }

    @Test
    void cutsAtMaximumSizeWhenTheFingerprintNeverMatches() throws IOException {
        // Repeating 0x01 bytes: the windowed fingerprint is a constant which is non-zero in its low 20 bits.
        byte[] data = new byte[Chunker.MAX_SIZE * 2 + 10];
        java.util.Arrays.fill(data, (byte) 1);

        List<Integer> lengths = chunk(TEST_POLYNOMIAL, new ByteArrayInputStream(data)).stream()
                .map(Chunk::length)
                .toList();

        assertThat(lengths).isEqualTo(ReferenceChunker.lengths(TEST_POLYNOMIAL, data));
        assertThat(lengths).containsExactly(Chunker.MAX_SIZE, Chunker.MAX_SIZE, 10);
    }

    @Test
    void emptyAndShortStreams() throws IOException {
        assertThat(chunk(TEST_POLYNOMIAL, new ByteArrayInputStream(new byte[0])))
                .isEmpty();
        assertThat(chunk(TEST_POLYNOMIAL, new ByteArrayInputStream(new byte[] {5})))
                .singleElement()
                .satisfies(chunk -> assertThat(chunk.toByteArray()).containsExactly(5));
    }

    @Test
    void refusesPolynomialsTheTablesCannotHandle() {
        assertThatThrownBy(() -> new Chunker(new Polynomial(1L << 60 | 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("degree between 8 and 53, got 60");
    }

    private static byte[] lowEntropy(SplittableRandom random, int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (random.nextInt(100) < 90 ? 'a' : random.nextInt(4));
        }
        return data;
    }

    static List<Chunk> chunk(Polynomial polynomial, InputStream input) throws IOException {
        ChunkStream stream = new Chunker(polynomial).split(input);
        List<Chunk> chunks = new ArrayList<>();
        for (Optional<Chunk> chunk = stream.next(); chunk.isPresent(); chunk = stream.next()) {
            chunks.add(chunk.get());
        }
        return chunks;
    }

    private static List<String> describe(List<Chunk> chunks) {
        return chunks.stream()
                .map(c -> c.offset() + " " + c.length() + " " + Id.hash(c.toByteArray()))
                .toList();
    }

    /** Returns reads of random small sizes, as a pipe or a network stream would. */
    private static final class TricklingStream extends InputStream {
        private final byte[] data;
        private final SplittableRandom random;
        private int position;

        TricklingStream(byte[] data, SplittableRandom random) {
            this.data = data;
            this.random = random;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, 1 + random.nextInt(70_000)), data.length - position);
            System.arraycopy(data, position, target, offset, n);
            position += n;
            return n;
        }
    }
}
