package org.lifeboat.virtualphone.provider.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifeboat.virtualphone.provider.sql.SqlException;

class TableTest {
    private final Table table = Table.declare("sms", "_id INTEGER PRIMARY KEY, body TEXT, read INTEGER DEFAULT 0");

    @Test
    void rowsLoadedOutOfOrderEndInPrimaryKeyOrder() {
        for (long id : new long[] {50, 7, 93, 1, 12, 60}) {
            table.load(Map.of("_id", id, "body", "m" + id), true);
        }

        assertThat(ids()).containsExactly(1L, 7L, 12L, 50L, 60L, 93L);
        assertThat(table.get(0, "body")).isEqualTo("m1");
        assertThat(table.get(0, "read")).as("the declared default").isEqualTo(0L);
    }

    @Test
    void findByIdFindsEveryRowAndAnswersMinusOneForOthers() {
        for (long id = 300; id >= 3; id -= 3) {
            table.load(Map.of("_id", id), false);
        }

        for (int index = 0; index < table.size(); index++) {
            long id = (Long) table.get(index, "_id");
            assertThat(table.findById(id)).as("row of _id %d", id).isEqualTo(index);
        }
        assertThat(List.of(0L, 1L, 4L, 299L, 301L, -3L, Long.MAX_VALUE))
                .allSatisfy(missing -> assertThat(table.findById(missing)).isEqualTo(-1));
        assertThat(Table.declare("empty", "_id INTEGER PRIMARY KEY").findById(1))
                .isEqualTo(-1);
    }

    @Test
    void aRowWithoutAnIdGetsOneMoreThanTheLargest() {
        table.load(Map.of("_id", 41L), true);
        table.load(Map.of("_id", 8L), true);

        assertThat(table.insert(Map.of("body", "new"))).isEqualTo(42L);
        assertThat(table.load(Map.of("body", "loaded"), true)).isEqualTo(43L);
        assertThat(ids()).containsExactly(8L, 41L, 42L, 43L);
    }

    @Test
    void aTakenIdIsRefusedAndTheTableIsUnchanged() {
        table.insert(Map.of("_id", 5L, "body", "first"));

        assertThatThrownBy(() -> table.insert(Map.of("_id", 5L, "body", "second")))
                .isInstanceOf(SqlException.class)
                .hasMessage("UNIQUE constraint failed: sms._id");
        assertThat(table.size()).isOne();
        assertThat(table.get(0, "body")).isEqualTo("first");
    }

    @Test
    void columnNamesAreCaseInsensitiveAndUnknownLoadedColumnsAreKept() {
        table.load(Map.of("_ID", 3L, "Body", "hi"), true);
        table.load(Map.of("_id", 4L, "vendor_flag", 1L), true);

        assertThat(table.findById(3)).isZero();
        assertThat(table.get(0, "BODY")).isEqualTo("hi");
        assertThat(table.hasColumn("VENDOR_FLAG")).isTrue();
        assertThat(table.get(0, "vendor_flag")).isNull();
        assertThat(table.get(1, "vendor_flag")).isEqualTo(1L);
        assertThatThrownBy(() -> table.insert(Map.of("nope", 1L)))
                .isInstanceOf(SqlException.class)
                .hasMessage("table sms has no column named nope");
    }

    @Test
    void anUpdatedIdMovesItsRowAndATakenOneIsRefused() {
        for (long id = 1; id <= 3; id++) {
            table.insert(Map.of("_id", id, "body", "m" + id));
        }

        table.update(List.of(0), Map.of("_id", 10L));

        assertThat(ids()).containsExactly(2L, 3L, 10L);
        assertThat(table.get(table.findById(10), "body")).isEqualTo("m1");
        assertThatThrownBy(() -> table.update(List.of(0), Map.of("_id", 3L)))
                .isInstanceOf(SqlException.class)
                .hasMessage("UNIQUE constraint failed: sms._id");
        assertThatThrownBy(() -> table.update(List.of(0), Map.of("_id", "x")))
                .isInstanceOf(SqlException.class)
                .hasMessage("datatype mismatch");
        assertThat(ids()).containsExactly(2L, 3L, 10L);
    }

    @Test
    void deletedRowsAreNoLongerFound() {
        for (long id = 1; id <= 5; id++) {
            table.insert(Map.of("_id", id));
        }

        table.delete(List.of(1, 3));

        assertThat(ids()).containsExactly(1L, 3L, 5L);
        assertThat(table.findById(2)).isEqualTo(-1);
        assertThat(table.findById(5)).isEqualTo(2);
    }

    private List<Long> ids() {
        return java.util.stream.IntStream.range(0, table.size())
                .mapToObj(row -> (Long) table.get(row, "_id"))
                .toList();
    }
}
