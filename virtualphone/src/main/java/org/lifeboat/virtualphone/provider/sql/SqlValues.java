package org.lifeboat.virtualphone.provider.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SQLite's storage classes on plain Java objects: {@code null}, {@link Long} (INTEGER), {@link Double} (REAL),
 * {@link String} (TEXT) and {@code byte[]} (BLOB). Conversions follow https://sqlite.org/datatype3.html.
 */
public final class SqlValues {
    private static final Pattern INTEGER_TEXT = Pattern.compile("\\s*[+-]?\\d+\\s*");
    private static final Pattern REAL_TEXT = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");
    private static final Pattern NUMERIC_PREFIX = Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SqlValues() {}

    /** Maps the Java types a ContentValues may hold onto storage classes (DatabaseUtils.bindObjectToProgram). */
    public static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Boolean b -> b ? 1L : 0L;
            // A Float is widened exactly as SQLiteProgram.bindDouble receives it.
            case Float f -> (double) f;
            case Double d -> d;
            case String s -> s;
            case byte[] bytes -> bytes;
            default ->
                throw new IllegalArgumentException(
                        "not an SQLite value: " + value.getClass().getName());
        };
    }

    /** Applies column affinity to a value about to be stored (datatype3 §3). */
    public static Object applyAffinity(Object value, Affinity affinity) {
        return switch (affinity) {
            case TEXT -> value instanceof Long || value instanceof Double ? toText(value) : value;
            case INTEGER, NUMERIC -> toNumericIfLossless(value);
            case REAL -> {
                Object numeric = toNumericIfLossless(value);
                yield numeric instanceof Long l ? (Object) l.doubleValue() : numeric;
            }
            case NONE -> value;
        };
    }

    private static Object toNumericIfLossless(Object value) {
        if (value instanceof String s) {
            if (INTEGER_TEXT.matcher(s).matches()) {
                try {
                    return Long.parseLong(s.strip());
                } catch (NumberFormatException tooLarge) {
                    return Double.parseDouble(s.strip());
                }
            }
            if (REAL_TEXT.matcher(s).matches()) {
                return integralIfExact(Double.parseDouble(s.strip()));
            }
            return s;
        }
        if (value instanceof Double d) {
            return integralIfExact(d);
        }
        return value;
    }

    private static Object integralIfExact(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
            return (long) d;
        }
        return d;
    }

    /** The TEXT form SQLite gives a value, as in {@code CAST(x AS TEXT)}. */
    public static String toText(Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> l.toString();
            case Double d -> realToText(d);
            case String s -> s;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            default -> throw new IllegalStateException("not an SQLite value: " + value);
        };
    }

    /** SQLite prints REALs with {@code %!.15g}: 15 significant digits and always a decimal point. */
    static String realToText(double d) {
        if (Double.isNaN(d)) {
            return null;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Inf" : "-Inf";
        }
        if (d == 0) {
            return "0.0";
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(15)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 15) {
            String mantissa = rounded.movePointLeft(exponent).toPlainString();
            if (!mantissa.contains(".")) {
                mantissa += ".0";
            }
            return mantissa + String.format(Locale.ROOT, "e%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent));
        }
        String plain = rounded.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** Numeric value for arithmetic: TEXT and BLOB contribute their longest numeric prefix, else 0. */
    static Object toNumber(Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case Double d -> d;
            default -> {
                var matcher = NUMERIC_PREFIX.matcher(toText(value));
                if (!matcher.find()) {
                    yield 0L;
                }
                Object numeric = toNumericIfLossless(matcher.group());
                yield numeric instanceof String ? 0L : numeric;
            }
        };
    }

    /** WHERE-clause truth: NULL and zero are false. */
    public static boolean isTrue(Object value) {
        Object number = toNumber(value);
        return number instanceof Long l ? l != 0 : number instanceof Double d && d != 0;
    }

    /** Storage-class order: NULL < INTEGER/REAL < TEXT < BLOB (datatype3 §4.1). */
    public static int compare(Object left, Object right, Collation collation) {
        int rankLeft = rank(left);
        int rankRight = rank(right);
        if (rankLeft != rankRight) {
            return Integer.compare(rankLeft, rankRight);
        }
        return switch (left) {
            case null -> 0;
            case Long l when right instanceof Long r -> Long.compare(l, r);
            case Number l -> Double.compare(l.doubleValue(), ((Number) right).doubleValue());
            case String l -> collation.compare(l, (String) right);
            case byte[] l -> Arrays.compareUnsigned(l, (byte[]) right);
            default -> throw new IllegalStateException("not an SQLite value: " + left);
        };
    }

    private static int rank(Object value) {
        return switch (value) {
            case null -> 0;
            case Number n -> 1;
            case String s -> 2;
            default -> 3;
        };
    }

    /** SQLite's typeof() names. */
    static String typeName(Object value) {
        return switch (value) {
            case null -> "null";
            case Long l -> "integer";
            case Double d -> "real";
            case String s -> "text";
            default -> "blob";
        };
    }

    /** The collating sequences SQLite has built in. */
    public enum Collation {
        /** memcmp() of UTF-8 bytes, which equals code point order. */
        BINARY,
        /** ASCII letters folded to lower case; other characters compared as in BINARY. */
        NOCASE,
        /** BINARY with trailing spaces ignored. */
        RTRIM;

        int compare(String left, String right) {
            return switch (this) {
                case BINARY -> compareCodePoints(left, right);
                case NOCASE -> compareCodePoints(asciiLower(left), asciiLower(right));
                case RTRIM -> compareCodePoints(left.stripTrailing(), right.stripTrailing());
            };
        }

        static Collation named(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new SqlException("no such collation sequence: " + name);
            }
        }

        private static int compareCodePoints(String left, String right) {
            return Arrays.compare(
                    left.codePoints().toArray(), right.codePoints().toArray());
        }
    }

    static String asciiLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }
}
