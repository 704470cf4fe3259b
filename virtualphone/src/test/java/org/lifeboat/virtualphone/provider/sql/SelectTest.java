package org.lifeboat.virtualphone.provider.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WHERE/ORDER BY evaluator against SQLite's documented semantics (datatype3, lang_expr). */
class SelectTest {
    private final Relation messages = new Relation(
            "sms",
            List.of(
                    new Column("_id", Affinity.INTEGER),
                    new Column("address", Affinity.TEXT),
                    new Column("date", Affinity.INTEGER)),
            new ArrayList<>(List.of(
                    new Object[] {1L, "+4930", 300L},
                    new Object[] {2L, "5551234", null},
                    new Object[] {3L, "Straße", 100L},
                    new Object[] {4L, "straße", 200L})));

    private List<Object> ids(String where, String order) {
        QueryResult result = Select.run(
                messages,
                List.of(SqlParser.parseResultColumn("_id")),
                where == null ? null : SqlParser.parseExpression(where),
                order == null ? null : SqlParser.parseOrderBy(order),
                List.of());
        return result.rows().stream().map(row -> row[0]).toList();
    }

    @Test
    void comparisonsApplyColumnAffinity() {
        // A TEXT column compared with a number compares text; an INTEGER column compared with text, numbers.
        assertThat(ids("address = 5551234", null)).containsExactly(2L);
        assertThat(ids("date > '150'", null)).containsExactly(1L, 4L);
    }

    @Test
    void nullIsNeitherEqualNorUnequal() {
        assertThat(ids("date != 100", null)).containsExactly(1L, 4L);
        assertThat(ids("date IS NULL OR date IN (NULL, 300)", null)).containsExactly(1L, 2L);
        assertThat(ids("NOT (date IN (100, NULL))", null)).isEmpty();
    }

    @Test
    void likeFoldsOnlyAsciiCase() {
        assertThat(ids("address LIKE 'STRA%'", null)).containsExactly(3L, 4L);
        assertThat(ids("address LIKE '%SSE'", null)).isEmpty();
        assertThat(ids("address GLOB 'S*'", null)).containsExactly(3L);
    }

    @Test
    void orderByPutsNullsFirstAndHonoursLimit() {
        assertThat(ids(null, "date")).containsExactly(2L, 3L, 4L, 1L);
        assertThat(ids(null, "date DESC, _id LIMIT 2")).containsExactly(1L, 4L);
        assertThat(ids(null, "address COLLATE NOCASE, _id DESC")).containsExactly(1L, 2L, 4L, 3L);
    }

    @Test
    void errorsUseSqliteWording() {
        assertThatThrownBy(() -> ids("nope = 1", null)).hasMessage("no such column: nope");
        assertThatThrownBy(() -> ids("_id = = 1", null)).hasMessage("near \"=\": syntax error");
        assertThatThrownBy(() -> ids("count(*) > 1", null))
                .hasMessage("aggregate functions are not supported by the Lifeboat virtual phone: count()");
    }

    @Test
    void expressionColumnsAreNamedByTheirText() {
        ResultColumn column = SqlParser.parseResultColumn("hex( address )");
        QueryResult result = Select.run(messages, List.of(column), SqlParser.parseExpression("_id=3"), null, List.of());

        assertThat(result.columns()).containsExactly("hex( address )");
        assertThat(result.rows().get(0)[0]).isEqualTo("53747261C39F65");
    }

    @Test
    void realsPrintTheWaySqliteDoes() {
        assertThat(SqlValues.toText(3.0)).isEqualTo("3.0");
        assertThat(SqlValues.toText(0.1 * 3)).isEqualTo("0.3");
        assertThat(SqlValues.toText(1e20)).isEqualTo("1.0e+20");
    }
}
