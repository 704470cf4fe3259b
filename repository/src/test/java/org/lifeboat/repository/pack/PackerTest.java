package org.lifeboat.repository.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lifeboat.repository.BlobHandle;
import org.lifeboat.repository.BlobType;
import org.lifeboat.repository.CorruptPackException;
import org.lifeboat.repository.Id;
import org.lifeboat.repository.crypto.CiphertextVerificationException;
import org.lifeboat.repository.crypto.MasterKey;

class PackerTest {
    private final MasterKey key = MasterKey.generate(new SecureRandom());
    private final SecureRandom random = new SecureRandom();

    @Test
    void blobsSealedIntoReservedSlotsInAnyOrderOpenFromThePack()
            throws IOException, CorruptPackException, CiphertextVerificationException {
        byte[] first = bytes(1000, 1);
        byte[] second = bytes(3000, 2);
        Packer packer = new Packer(new PackBufferPool(64 * 1024, 1));

        Packer.Slot firstSlot = packer.reserve(handle(first), MasterKey.sealedLength(first.length), 0);
        Packer.Slot secondSlot = packer.reserve(handle(second), MasterKey.sealedLength(second.length), 0);
        secondSlot.fill((target, offset) -> key.sealInto(second, 0, second.length, target, offset, random));
        firstSlot.fill((target, offset) -> key.sealInto(first, 0, first.length, target, offset, random));
        Packer.FinishedPack pack = packer.finish(key, random);
        byte[] file = pack.content().readAllBytes();

        assertThat(file).hasSize(pack.length());
        assertThat(Id.hash(file)).isEqualTo(pack.id());
        assertThat(PackFile.parseHeader(key, pack.id(), file)).isEqualTo(pack.blobs());
        PackBlob secondBlob = pack.blobs().get(1);
        assertThat(secondBlob.offset()).isEqualTo(MasterKey.sealedLength(first.length));
        assertThat(key.open(file, (int) secondBlob.offset(), secondBlob.length()))
                .isEqualTo(second);
    }

    @Test
    void aSlotRefusesAWriterThatWritesAnotherLength() {
        Packer packer = new Packer(1024);
        byte[] blob = bytes(100, 3);
        Packer.Slot slot = packer.reserve(handle(blob), MasterKey.sealedLength(blob.length), 0);

        assertThatThrownBy(() -> slot.fill((target, offset) -> blob.length))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("132 bytes was filled with 100");
    }

    @Test
    void aSlotIsWrittenOnceAndAPackWithAnUnwrittenSlotCannotBeFinished() {
        Packer packer = new Packer(new PackBufferPool(64 * 1024, 1));
        byte[] first = bytes(100, 4);
        byte[] second = bytes(200, 5);
        Packer.Slot firstSlot = packer.reserve(handle(first), MasterKey.sealedLength(first.length), 0);
        packer.reserve(handle(second), MasterKey.sealedLength(second.length), 0);
        Packer.SlotWriter sealFirst = (target, offset) -> key.sealInto(first, 0, first.length, target, offset, random);
        firstSlot.fill(sealFirst);

        assertThatThrownBy(() -> firstSlot.fill(sealFirst))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("written once");
        // The pooled buffer still holds whatever an earlier pack left where the second blob belongs.
        assertThatThrownBy(() -> packer.finish(key, random))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only 1 of the 2 blobs");
    }

    @Test
    void fitsCountsTheBlobItsHeaderEntryAndTheSealedHeader() {
        int capacity = 4096;
        Packer packer = new Packer(new PackBufferPool(capacity, 1));
        int room = capacity - PackHeader.PLAIN_ENTRY_SIZE - MasterKey.OVERHEAD - PackHeader.LENGTH_FIELD_SIZE;

        assertThat(packer.fits(room, false)).isTrue();
        assertThat(packer.fits(room + 1, false)).isFalse();
        assertThat(packer.fits(room, true)).isFalse();
    }

    @Test
    void aFinishedPackGivesItsBufferBackOnceAndAFullPackIsNotCopied() {
        PackBufferPool pool = new PackBufferPool(4096, 2);
        byte[] buffer = pool.take();
        pool.giveBack(buffer);
        Packer packer = new Packer(pool);
        byte[] blob = bytes(4096 - 200, 4);
        packer.add(handle(blob), key.seal(blob, random), 0);
        assertThat(packer.capacity()).isEqualTo(4096);

        Packer.FinishedPack pack = packer.finish(key, random);
        pack.release();
        pack.release();

        assertThat(pool.take()).isSameAs(buffer);
        assertThat(pool.take()).isNotSameAs(buffer);
    }

    @Test
    void aBlobLargerThanThePooledBufferGrowsItAndTheSmallBufferGoesBack() {
        PackBufferPool pool = new PackBufferPool(1024, 2);
        Packer packer = new Packer(pool);
        byte[] blob = bytes(5000, 5);

        packer.add(handle(blob), key.seal(blob, random), 0);
        byte[] reused = pool.take();

        assertThat(packer.capacity()).isGreaterThan(5000);
        assertThat(reused).hasSize(1024);
        assertThat(packer.finish(key, random).length()).isEqualTo(packer.size());
    }

    @Test
    void thePoolKeepsOnlyBuffersOfItsSizeUpToItsLimit() {
        PackBufferPool pool = new PackBufferPool(1024, 1);
        byte[] kept = new byte[1024];
        pool.giveBack(new byte[2048]);
        pool.giveBack(kept);
        pool.giveBack(new byte[1024]);

        assertThat(pool.take()).isSameAs(kept);
        assertThat(pool.take()).isNotSameAs(kept).hasSize(1024);
    }

    private static BlobHandle handle(byte[] plaintext) {
        return new BlobHandle(Id.hash(plaintext), BlobType.DATA);
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
