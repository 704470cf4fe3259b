package org.lifeboat.virtualphone.provider.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs {@code SELECT projection FROM relation WHERE where ORDER BY order} over a {@link Relation}. */
public final class Select {
    private Select() {}

    /**
     * @param projection null selects every column in table order, as {@code SELECT *} does
     * @param where null matches every row
     * @param orderBy null keeps rowid order
     */
    public static QueryResult run(
            Relation relation, List<ResultColumn> projection, Expression where, OrderBy orderBy, List<Object> binds) {
        List<ResultColumn> columns = expand(relation, projection);
        List<Evaluated> evaluated = new ArrayList<>();
        for (int index : matching(relation, where, binds)) {
            Object[] source = relation.rows().get(index);
            Scope scope = relation.scope(source, binds);
            Object[] output = new Object[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                output[c] = columns.get(c).expression().evaluate(scope);
            }
            evaluated.add(new Evaluated(source, output));
        }
        if (orderBy != null) {
            evaluated.sort(comparator(relation, columns, orderBy, binds));
        }
        List<Object[]> rows = new ArrayList<>();
        long skip = orderBy == null ? 0 : orderBy.offset();
        long limit = orderBy == null || orderBy.limit() < 0 ? Long.MAX_VALUE : orderBy.limit();
        for (Evaluated row : evaluated) {
            if (skip > 0) {
                skip--;
            } else if (rows.size() < limit) {
                rows.add(row.output());
            }
        }
        return new QueryResult(columns.stream().map(ResultColumn::name).toList(), rows);
    }

    /** Indices of the rows the WHERE expression holds for, in rowid order. */
    public static List<Integer> matching(Relation relation, Expression where, List<Object> binds) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < relation.rows().size(); i++) {
            if (where == null
                    || SqlValues.isTrue(
                            where.evaluate(relation.scope(relation.rows().get(i), binds)))) {
                indices.add(i);
            }
        }
        return indices;
    }

    private static List<ResultColumn> expand(Relation relation, List<ResultColumn> projection) {
        List<ResultColumn> expanded = new ArrayList<>();
        for (ResultColumn column : projection == null ? List.of(new ResultColumn("*", null, true)) : projection) {
            if (column.star()) {
                for (Column c : relation.columns()) {
                    expanded.add(new ResultColumn(c.name(), new Expression.ColumnRef(c.name()), false));
                }
            } else {
                if (column.expression() instanceof Expression.ColumnRef ref && relation.hasColumn(ref.name())) {
                    // SQLite names a bare column after its declaration, whatever case the query used.
                    String declared =
                            relation.columns().get(relation.indexOf(ref.name())).name();
                    expanded.add(
                            new ResultColumn(column.name().equals(ref.name()) ? declared : column.name(), ref, false));
                } else {
                    expanded.add(column);
                }
            }
        }
        return expanded;
    }

    private static Comparator<Evaluated> comparator(
            Relation relation, List<ResultColumn> columns, OrderBy orderBy, List<Object> binds) {
        Comparator<Evaluated> comparator = (a, b) -> 0;
        for (OrderBy.Term term : orderBy.terms()) {
            Comparator<Evaluated> byTerm = Comparator.comparing(
                    row -> sortKey(relation, columns, term.expression(), row, binds),
                    (x, y) -> SqlValues.compare(x, y, collation(term.expression())));
            comparator = comparator.thenComparing(term.descending() ? byTerm.reversed() : byTerm);
        }
        return comparator;
    }

    /** ORDER BY may name a result column by position or alias before falling back to the table's columns. */
    private static Object sortKey(
            Relation relation, List<ResultColumn> columns, Expression term, Evaluated row, List<Object> binds) {
        Expression bare = term instanceof Expression.Collate c ? c.operand() : term;
        if (bare instanceof Expression.Literal(Long position) && position >= 1 && position <= columns.size()) {
            return row.output()[(int) (position - 1)];
        }
        if (bare instanceof Expression.ColumnRef ref && !relation.hasColumn(ref.name())) {
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equalsIgnoreCase(ref.name())) {
                    return row.output()[c];
                }
            }
        }
        return bare.evaluate(relation.scope(row.source(), binds));
    }

    private static SqlValues.Collation collation(Expression term) {
        return term instanceof Expression.Collate c ? c.collation() : SqlValues.Collation.BINARY;
    }

    private record Evaluated(Object[] source, Object[] output) {}
}
