package org.lifeboat.adb.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class SyncResponsesTest {
    private static final long FIVE_GIB = 5L << 30;
    private static final SyncStat BIG_FILE =
            new SyncStat(0, 7, 1234, 0100660, 1, 10123, 1023, FIVE_GIB, 1_600_000_001L, 1_600_000_000L, 1_600_000_002L);

    @Test
    void usesTheExactStructSizes() {
        assertThat(SyncResponses.statV1(BIG_FILE)).hasSize(16);
        assertThat(SyncResponses.statV2(SyncId.STA2, BIG_FILE)).hasSize(72);
        assertThat(SyncResponses.directoryEntryV1(BIG_FILE, "abc")).hasSize(23);
        assertThat(SyncResponses.directoryEntryV2(BIG_FILE, "abc")).hasSize(79);
        assertThat(SyncResponses.listDoneV1()).hasSize(20);
        assertThat(SyncResponses.listDoneV2()).hasSize(76);
    }

    @Test
    void truncatesSizesToThirtyTwoBitsInVersionOneOnly() throws Exception {
        assertThat(reader(SyncResponses.statV1(BIG_FILE)).readStatV1().size()).isEqualTo(FIVE_GIB & 0xffffffffL);
        assertThat(reader(SyncResponses.statV2(SyncId.LST2, BIG_FILE)).readStatV2(SyncId.LST2))
                .isEqualTo(BIG_FILE);
    }

    @Test
    void readsListingsUpToTheirTerminator() throws Exception {
        SyncResponseReader v2 = reader(ShellV2PacketDecoderTest.concat(
                SyncResponses.directoryEntryV2(BIG_FILE, "movie.mp4"), SyncResponses.listDoneV2()));
        assertThat(v2.readDirectoryEntry(true)).contains(new SyncDirectoryEntry("movie.mp4", BIG_FILE));
        assertThat(v2.readDirectoryEntry(true)).isEmpty();

        SyncResponseReader v1 = reader(ShellV2PacketDecoderTest.concat(
                SyncResponses.directoryEntryV1(BIG_FILE, "a"), SyncResponses.listDoneV1()));
        assertThat(v1.readDirectoryEntry(false).orElseThrow().stat().mtimeSeconds())
                .isEqualTo(1_600_000_000L);
        assertThat(v1.readDirectoryEntry(false)).isEmpty();
    }

    @Test
    void readsFileDataAndFailures() throws Exception {
        SyncResponseReader recv = reader(ShellV2PacketDecoderTest.concat(
                SyncResponses.dataHeader(3), new byte[] {1, 2, 3}, SyncResponses.done(), SyncResponses.okay()));
        assertThat(recv.readDataChunk())
                .hasValueSatisfying(chunk -> assertThat(chunk).containsExactly(1, 2, 3));
        assertThat(recv.readDataChunk()).isEmpty();
        recv.readStatus();

        SyncResponseReader failed = reader(SyncResponses.fail("open failed: No such file or directory"));
        assertThatThrownBy(failed::readDataChunk)
                .isInstanceOf(SyncFailureException.class)
                .hasMessage("open failed: No such file or directory");
    }

    @Test
    void reportsAMissingFileAsAllZeroesInVersionOne() throws Exception {
        SyncStat missing =
                reader(SyncResponses.statV1(SyncStat.failed(SyncStat.ENOENT))).readStatV1();

        assertThat(missing.exists()).isFalse();
        assertThat(missing.mode()).isZero();
    }

    private static SyncResponseReader reader(byte[] bytes) {
        return new SyncResponseReader(new ByteArrayInputStream(bytes));
    }
}
