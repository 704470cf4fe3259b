package org.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SizesTest {
    @Test
    void bytesUseBinaryUnitsWithThreeDecimalsAsResticPrintsThem() {
        assertThat(Sizes.bytes(0)).isEqualTo("0 B");
        assertThat(Sizes.bytes(1023)).isEqualTo("1023 B");
        assertThat(Sizes.bytes(1024)).isEqualTo("1.000 KiB");
        assertThat(Sizes.bytes(1536 * 1024)).isEqualTo("1.500 MiB");
        assertThat(Sizes.bytes(5L << 30)).isEqualTo("5.000 GiB");
        assertThat(Sizes.bytes(Long.MAX_VALUE)).isEqualTo("8.000 EiB");
    }

    @Test
    void durationsShowHoursOnlyWhenNeeded() {
        assertThat(Sizes.duration(Duration.ofSeconds(65))).isEqualTo("1:05");
        assertThat(Sizes.duration(Duration.ofSeconds(3 * 3600 + 61))).isEqualTo("3:01:01");
        assertThat(Sizes.duration(Duration.ofSeconds(-5))).isEqualTo("0:00");
    }
}
