package org.lifeboat.virtualphone.provider.sql;

import java.util.List;
import java.util.Locale;

/** A parsed SQL expression. Evaluation follows SQLite's three-valued logic: NULL propagates. */
public sealed interface Expression {
    Object evaluate(Scope scope);

    /** Affinity used when this expression is compared (datatype3 §4.2): only column references have one. */
    default Affinity affinity(Scope scope) {
        return Affinity.NONE;
    }

    /** Both sides wrapped in one AND, the way SQLiteQueryBuilder joins appendWhere() and the selection. */
    static Expression and(Expression left, Expression right) {
        if (left == null) {
            return right;
        }
        return right == null ? left : new Binary("AND", left, right);
    }

    record Literal(Object value) implements Expression {
        @Override
        public Object evaluate(Scope scope) {
            return value;
        }
    }

    record ColumnRef(String name) implements Expression {
        @Override
        public Object evaluate(Scope scope) {
            return scope.value(name);
        }

        @Override
        public Affinity affinity(Scope scope) {
            return scope.affinity(name);
        }
    }

    record Bind(int index) implements Expression {
        @Override
        public Object evaluate(Scope scope) {
            return scope.bind(index);
        }
    }

    record Collate(Expression operand, SqlValues.Collation collation) implements Expression {
        @Override
        public Object evaluate(Scope scope) {
            return operand.evaluate(scope);
        }

        @Override
        public Affinity affinity(Scope scope) {
            return operand.affinity(scope);
        }
    }

    record Unary(String operator, Expression operand) implements Expression {
        @Override
        public Object evaluate(Scope scope) {
            Object value = operand.evaluate(scope);
            if (value == null) {
                return null;
            }
            return switch (operator) {
                case "NOT" -> SqlValues.isTrue(value) ? 0L : 1L;
                case "-" ->
                    SqlValues.toNumber(value) instanceof Long l ? (Object) (-l) : -(Double) SqlValues.toNumber(value);
                default -> value;
            };
        }
    }

    record Binary(String operator, Expression left, Expression right) implements Expression {
        @Override
        public Object evaluate(Scope scope) {
            return switch (operator) {
                case "AND" -> and(scope);
                case "OR" -> or(scope);
                case "||" -> concat(left.evaluate(scope), right.evaluate(scope));
                case "+", "-", "*", "/", "%" -> Arithmetic.apply(operator, left.evaluate(scope), right.evaluate(scope));
                default -> Comparisons.compare(operator, left, right, scope);
            };
        }

        private Object and(Scope scope) {
            Object l = left.evaluate(scope);
            if (l != null && !SqlValues.isTrue(l)) {
                return 0L;
            }
            Object r = right.evaluate(scope);
            if (r != null && !SqlValues.isTrue(r)) {
                return 0L;
            }
            return l == null || r == null ? null : 1L;
        }

        private Object or(Scope scope) {
            Object l = left.evaluate(scope);
            if (l != null && SqlValues.isTrue(l)) {
                return 1L;
            }
            Object r = right.evaluate(scope);
            if (r != null && SqlValues.isTrue(r)) {
                return 1L;
            }
            return l == null || r == null ? null : 0L;
        }

        private static Object concat(Object l, Object r) {
            return l == null || r == null ? null : SqlValues.toText(l) + SqlValues.toText(r);
        }
    }

    record In(Expression operand, List<Expression> candidates, boolean negated) implements Expression {
        @Override
        public Object evaluate(Scope scope) {
            if (operand.evaluate(scope) == null) {
                return null;
            }
            boolean sawNull = false;
            for (Expression candidate : candidates) {
                Object equal = Comparisons.compare("=", operand, candidate, scope);
                if (equal == null) {
                    sawNull = true;
                } else if (SqlValues.isTrue(equal)) {
                    return negated ? 0L : 1L;
                }
            }
            return sawNull ? null : negated ? 1L : 0L;
        }
    }

    record Between(Expression operand, Expression low, Expression high, boolean negated) implements Expression {
        @Override
        public Object evaluate(Scope scope) {
            Object result =
                    new Binary("AND", new Binary(">=", operand, low), new Binary("<=", operand, high)).evaluate(scope);
            return result == null || !negated ? result : SqlValues.isTrue(result) ? 0L : 1L;
        }
    }

    record Like(Expression operand, Expression pattern, Expression escape, boolean negated, boolean glob)
            implements Expression {
        @Override
        public Object evaluate(Scope scope) {
            Object value = operand.evaluate(scope);
            Object patternValue = pattern.evaluate(scope);
            Object escapeValue = escape == null ? null : escape.evaluate(scope);
            if (value == null || patternValue == null || (escape != null && escapeValue == null)) {
                return null;
            }
            boolean matches = Patterns.matches(
                    SqlValues.toText(patternValue), SqlValues.toText(value), glob, SqlValues.toText(escapeValue));
            return matches != negated ? 1L : 0L;
        }
    }

    record Function(String name, List<Expression> arguments, boolean star) implements Expression {
        public Function {
            name = name.toLowerCase(Locale.ROOT);
        }

        @Override
        public Object evaluate(Scope scope) {
            return Functions.call(name, arguments, star, scope);
        }
    }
}
