package org.lifeboat.repository.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;

/** The memory bound: the in-memory index costs less than restic's ~100 bytes per blob. */
class CompactIndexFootprintTest {
    private static final int BLOBS = 1_000_000;

    @Test
    void aMillionBlobsCostLessThan100BytesEach() {
        CompactIndex index = new CompactIndex();
        SplittableRandom random = new SplittableRandom(42);
        BlobHandle probe = null;
        for (int i = 0; i < BLOBS; i++) {
            BlobHandle handle = new BlobHandle(randomId(random), i % 50 == 0 ? BlobType.TREE : BlobType.DATA);
            index.add(handle, i / 1000, (i % 1000) * 1_000_000L, 1_000_032, 1_000_000);
            if (i == BLOBS / 2) {
                probe = handle;
            }
        }

        double bytesPerBlob = (double) index.footprintBytes() / BLOBS;
        assertThat(bytesPerBlob).as("bytes per blob").isLessThan(100).isGreaterThan(48);
        assertThat(index.size()).isEqualTo(BLOBS);
        int entry = index.findFirst(probe);
        assertThat(index.handle(entry)).isEqualTo(probe);
        assertThat(index.offset(entry)).isEqualTo((BLOBS / 2 % 1000) * 1_000_000L);
    }

    private static Id randomId(SplittableRandom random) {
        byte[] bytes = new byte[Id.LENGTH];
        random.nextBytes(bytes);
        return Id.of(bytes);
    }
}
