package org.lifeboat.virtualphone.provider.sql;

/** + - * / % on numbers; integer overflow falls back to REAL and division by zero gives NULL, as in SQLite. */
final class Arithmetic {
    private Arithmetic() {}

    static Object apply(String operator, Object left, Object right) {
        Object l = SqlValues.toNumber(left);
        Object r = SqlValues.toNumber(right);
        if (l == null || r == null) {
            return null;
        }
        if (l instanceof Long a && r instanceof Long b) {
            try {
                return switch (operator) {
                    case "+" -> Math.addExact(a, b);
                    case "-" -> Math.subtractExact(a, b);
                    case "*" -> Math.multiplyExact(a, b);
                    case "/" -> b == 0 ? null : a / b;
                    default -> b == 0 ? null : a % b;
                };
            } catch (ArithmeticException overflow) {
                return real(operator, a.doubleValue(), b.doubleValue());
            }
        }
        return real(operator, ((Number) l).doubleValue(), ((Number) r).doubleValue());
    }

    private static Object real(String operator, double a, double b) {
        return switch (operator) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b == 0 ? null : a / b;
            default -> (long) b == 0 ? null : (double) ((long) a % (long) b);
        };
    }
}
