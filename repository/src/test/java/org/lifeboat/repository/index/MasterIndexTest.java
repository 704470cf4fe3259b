package org.lifeboat.repository.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.pack.PackBlob;

class MasterIndexTest {
    @Test
    void findsEveryBlobAmongManyPacksAndKeepsTypesApart() {
        MasterIndex index = new MasterIndex();
        List<IndexedPack> packs = new ArrayList<>();
        for (int p = 0; p < 200; p++) {
            List<PackBlob> blobs = new ArrayList<>();
            for (int b = 0; b < 100; b++) {
                blobs.add(new PackBlob(new BlobHandle(id(p * 1000 + b), BlobType.DATA), 100L * b, 100, 0));
            }
            packs.add(new IndexedPack(id(-p - 1), blobs));
        }
        index.addIndexFile(id(-5000), new IndexContent(List.of(), packs));

        assertThat(index.entryCount()).isEqualTo(20_000);
        PackedBlob found =
                index.lookup(new BlobHandle(id(123_042), BlobType.DATA)).orElseThrow();
        assertThat(found.packId()).isEqualTo(id(-124));
        assertThat(found.blob().offset()).isEqualTo(4200);
        assertThat(index.has(new BlobHandle(id(123_042), BlobType.TREE))).isFalse();
        assertThat(index.has(new BlobHandle(id(123_100), BlobType.DATA))).isFalse();
    }

    @Test
    void listsDuplicatesAndForgetsRemovedPacks() {
        MasterIndex index = new MasterIndex();
        BlobHandle blob = new BlobHandle(id(1), BlobType.TREE);
        index.addUnsavedPack(new IndexedPack(id(-1), List.of(new PackBlob(blob, 0, 40, 0))));
        index.addUnsavedPack(new IndexedPack(id(-2), List.of(new PackBlob(blob, 0, 40, 0))));
        // The same pack from a second index file is counted once.
        index.addIndexFile(
                id(-3),
                new IndexContent(List.of(), List.of(new IndexedPack(id(-1), List.of(new PackBlob(blob, 0, 40, 0))))));

        assertThat(index.lookupAll(blob)).extracting(PackedBlob::packId).containsExactly(id(-1), id(-2));
        assertThat(index.unsavedPacks()).extracting(IndexedPack::packId).containsExactly(id(-2));

        index.removePacks(Set.of(id(-1)));

        assertThat(index.lookupAll(blob)).extracting(PackedBlob::packId).containsExactly(id(-2));
        assertThat(index.packIds()).containsExactly(id(-2));
    }

    private static Id id(int n) {
        return Id.hash(ByteBuffer.allocate(4).putInt(n).array());
    }
}
