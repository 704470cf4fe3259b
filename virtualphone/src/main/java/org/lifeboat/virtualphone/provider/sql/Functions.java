package org.lifeboat.virtualphone.provider.sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The scalar core functions of https://sqlite.org/lang_corefunc.html that backup tools put into telephony
 * projections ({@code hex(body)}, {@code length(body)}, {@code typeof(x)}). Aggregates are not offered.
 */
final class Functions {
    private static final java.util.Set<String> AGGREGATES =
            java.util.Set.of("count", "sum", "total", "avg", "min", "max", "group_concat");

    private Functions() {}

    static Object call(String name, List<Expression> arguments, boolean star, Scope scope) {
        if (AGGREGATES.contains(name)) {
            throw new SqlException(
                    "aggregate functions are not supported by the Lifeboat virtual phone: " + name + "()");
        }
        if (star) {
            throw new SqlException("wrong number of arguments to function " + name + "()");
        }
        List<Object> args = new ArrayList<>(arguments.size());
        for (Expression argument : arguments) {
            args.add(argument.evaluate(scope));
        }
        return switch (name) {
            case "hex" -> hex(single(name, args));
            case "length" -> length(single(name, args));
            case "lower" -> mapText(single(name, args), s -> s.toLowerCase(Locale.ROOT));
            case "upper" -> mapText(single(name, args), s -> s.toUpperCase(Locale.ROOT));
            case "typeof" -> SqlValues.typeName(single(name, args));
            case "abs" -> abs(single(name, args));
            case "trim" -> mapText(single(name, args), String::strip);
            case "coalesce", "ifnull" ->
                args.stream().filter(a -> a != null).findFirst().orElse(null);
            case "nullif" -> nullif(name, args);
            case "substr", "substring" -> substr(args);
            case "replace" -> replace(name, args);
            case "instr" -> instr(name, args);
            default -> throw new SqlException("no such function: " + name);
        };
    }

    private static Object single(String name, List<Object> args) {
        if (args.size() != 1) {
            throw new SqlException("wrong number of arguments to function " + name + "()");
        }
        return args.get(0);
    }

    private static void arity(String name, List<Object> args, int count) {
        if (args.size() != count) {
            throw new SqlException("wrong number of arguments to function " + name + "()");
        }
    }

    private static Object nullif(String name, List<Object> args) {
        arity(name, args, 2);
        boolean equal = SqlValues.compare(args.get(0), args.get(1), SqlValues.Collation.BINARY) == 0;
        return equal ? null : args.get(0);
    }

    /** hex() of TEXT is the hex of its UTF-8 bytes, hex(NULL) is the empty string. */
    private static String hex(Object value) {
        if (value == null) {
            return "";
        }
        byte[] bytes = value instanceof byte[] b ? b : SqlValues.toText(value).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static Object length(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> (long) bytes.length;
            default ->
                (long) SqlValues.toText(value)
                        .codePointCount(0, SqlValues.toText(value).length());
        };
    }

    private static Object abs(Object value) {
        Object number = SqlValues.toNumber(value);
        return switch (number) {
            case null -> null;
            case Long l -> Math.abs(l);
            default -> Math.abs((Double) number);
        };
    }

    private static Object mapText(Object value, java.util.function.UnaryOperator<String> op) {
        return value == null ? null : op.apply(SqlValues.toText(value));
    }

    private static Object substr(List<Object> args) {
        if (args.size() < 2 || args.size() > 3) {
            throw new SqlException("wrong number of arguments to function substr()");
        }
        if (args.contains(null)) {
            return null;
        }
        int[] cps = SqlValues.toText(args.get(0)).codePoints().toArray();
        long start = ((Number) SqlValues.toNumber(args.get(1))).longValue();
        long length = args.size() == 3 ? ((Number) SqlValues.toNumber(args.get(2))).longValue() : cps.length;
        long from = start > 0 ? start - 1 : start < 0 ? cps.length + start : 0;
        long to = start == 0 && args.size() == 3 ? length - 1 : from + length;
        from = Math.max(0, Math.min(cps.length, from));
        to = Math.max(from, Math.min(cps.length, to));
        return new String(cps, (int) from, (int) (to - from));
    }

    private static Object replace(String name, List<Object> args) {
        arity(name, args, 3);
        if (args.contains(null)) {
            return null;
        }
        String pattern = SqlValues.toText(args.get(1));
        String text = SqlValues.toText(args.get(0));
        return pattern.isEmpty() ? text : text.replace(pattern, SqlValues.toText(args.get(2)));
    }

    private static Object instr(String name, List<Object> args) {
        arity(name, args, 2);
        if (args.contains(null)) {
            return null;
        }
        String haystack = SqlValues.toText(args.get(0));
        int index = haystack.indexOf(SqlValues.toText(args.get(1)));
        return index < 0 ? 0L : (long) haystack.codePointCount(0, index) + 1;
    }
}
