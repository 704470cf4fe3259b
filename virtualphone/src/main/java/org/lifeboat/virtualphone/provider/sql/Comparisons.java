package org.lifeboat.virtualphone.provider.sql;

/** Comparison operators with SQLite's affinity coercion (datatype3 §4.2) and collation choice (§7.1). */
final class Comparisons {
    private Comparisons() {}

    static Object compare(String operator, Expression left, Expression right, Scope scope) {
        Object l = left.evaluate(scope);
        Object r = right.evaluate(scope);
        Affinity la = left.affinity(scope);
        Affinity ra = right.affinity(scope);
        if (la.isNumeric() && !ra.isNumeric()) {
            r = SqlValues.applyAffinity(r, Affinity.NUMERIC);
        } else if (ra.isNumeric() && !la.isNumeric()) {
            l = SqlValues.applyAffinity(l, Affinity.NUMERIC);
        } else if (la == Affinity.TEXT && ra == Affinity.NONE) {
            r = SqlValues.applyAffinity(r, Affinity.TEXT);
        } else if (ra == Affinity.TEXT && la == Affinity.NONE) {
            l = SqlValues.applyAffinity(l, Affinity.TEXT);
        }
        SqlValues.Collation collation = collationOf(left, right);
        return switch (operator) {
            case "IS" -> bool(l == null || r == null ? l == r : SqlValues.compare(l, r, collation) == 0);
            case "IS NOT" -> bool(l == null || r == null ? l != r : SqlValues.compare(l, r, collation) != 0);
            default -> {
                if (l == null || r == null) {
                    yield null;
                }
                int c = SqlValues.compare(l, r, collation);
                yield bool(
                        switch (operator) {
                            case "=", "==" -> c == 0;
                            case "!=", "<>" -> c != 0;
                            case "<" -> c < 0;
                            case "<=" -> c <= 0;
                            case ">" -> c > 0;
                            case ">=" -> c >= 0;
                            default -> throw new SqlException("unsupported operator " + operator);
                        });
            }
        };
    }

    private static SqlValues.Collation collationOf(Expression left, Expression right) {
        if (left instanceof Expression.Collate c) {
            return c.collation();
        }
        if (right instanceof Expression.Collate c) {
            return c.collation();
        }
        return SqlValues.Collation.BINARY;
    }

    private static Long bool(boolean value) {
        return value ? 1L : 0L;
    }
}
