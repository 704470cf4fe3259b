package org.lifeboat.repository.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoTimeTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-05-14T09:26:53.123456789+02:00",
                "2023-05-14T09:26:53.1-07:30",
                "2023-05-14T09:26:53.000000001Z",
                "2023-05-14T09:26:53Z",
                "0001-01-01T00:00:00Z",
                "2024-02-29T23:59:59.5+14:00",
                "1999-12-31T23:59:59.999-00:00",
            })
    void parsesGoTimesAsTheJdkDoes(String text) {
        assertThat(GoTime.parse(text)).isEqualTo(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-05-14T09:26:53.123456789+02:00",
                "2023-05-14T09:26:53.12+05:45",
                "2023-05-14T09:26:53.000000001Z",
                "2023-05-14T09:26:53Z",
                "0001-01-01T00:00:00Z",
            })
    void formatsWhatItParses(String text) {
        assertThat(GoTime.format(GoTime.parse(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-05-14T09:26:53",
                "2023-05-14T09:26:53.1234567891Z",
                "2023-02-30T09:26:53Z",
                "2023-05-14T24:00:00Z",
                "2023-05-14T09:26:53+2:00",
                "2023-05-14 09:26:53Z",
            })
    void rejectsWhatIsNotRfc3339(String text) {
        assertThatThrownBy(() -> GoTime.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void dropsTrailingZerosOfTheFraction() {
        OffsetDateTime time = OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 120_000_000, ZoneOffset.ofHoursMinutes(-3, -30));

        assertThat(GoTime.format(time)).isEqualTo("2020-01-02T03:04:05.12-03:30");
    }
}
