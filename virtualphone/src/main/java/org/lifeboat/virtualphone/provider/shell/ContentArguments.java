package org.lifeboat.virtualphone.provider.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lifeboat.virtualphone.provider.ContentUri;

/**
 * Content.Parser of frameworks/base cmds/content/src/com/android/commands/content/Content.java. From Android 11
 * (API 30) binds are split with splitWithEscaping (so {@code \:} and {@code \\} are escapes and exactly three parts
 * are required), {@code i} is a 32-bit Integer and {@code n} binds NULL; before, the value is everything after the
 * second colon, {@code i}/{@code l} are Longs and {@code f}/{@code d} Doubles (the pre-R source).
 */
final class ContentArguments {
    /** The parse failures Content.java prints as {@code [ERROR] message}: IllegalArgumentExceptions. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private static final Set<String> MODERN_OPERATIONS =
            Set.of("insert", "delete", "update", "query", "call", "read", "write", "gettype");
    private static final Set<String> LEGACY_OPERATIONS = Set.of("insert", "delete", "update", "query", "call", "read");

    private final List<String> args;
    private final boolean modern;
    private int next;

    private ContentArguments(List<String> args, boolean modern) {
        this.args = args;
        this.modern = modern;
    }

    static ContentRequest parse(List<String> args, int apiLevel) throws UsageException {
        return new ContentArguments(args, apiLevel >= 30).parse();
    }

    private ContentRequest parse() throws UsageException {
        String operation = nextArg();
        if (operation == null || !(modern ? MODERN_OPERATIONS : LEGACY_OPERATIONS).contains(operation)) {
            throw new UsageException("Unsupported operation: " + operation);
        }
        ContentUri uri = null;
        int userId = 0;
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> extras = new LinkedHashMap<>();
        List<String> projection = null;
        String where = null;
        String sort = null;
        String method = null;
        String arg = null;
        for (String argument; (argument = nextArg()) != null; ) {
            if (argument.equals("--uri")) {
                uri = ContentUri.parse(valueRequired(argument));
            } else if (argument.equals("--user")) {
                userId = parseInt(valueRequired(argument));
            } else if (argument.equals("--bind") && takes(operation, "insert", "update")) {
                parseBind(values);
            } else if (argument.equals("--extra")
                    && (operation.equals("call")
                            || modern && takes(operation, "insert", "update", "delete", "query"))) {
                parseBind(extras);
            } else if (argument.equals("--where") && takes(operation, "update", "delete", "query")) {
                where = valueRequired(argument);
            } else if (argument.equals("--sort") && operation.equals("query")) {
                sort = valueRequired(argument);
            } else if (argument.equals("--projection") && operation.equals("query")) {
                // Content.java splits with "[\\s]*:[\\s]*", so a projection entry can never contain ':'.
                projection = List.copyOf(Arrays.asList(valueRequired(argument).split("[\\s]*:[\\s]*")));
            } else if (argument.equals("--method") && operation.equals("call")) {
                method = valueRequired(argument);
            } else if (argument.equals("--arg") && operation.equals("call")) {
                arg = valueRequired(argument);
            } else {
                throw new UsageException("Unsupported argument: " + argument);
            }
        }
        if (uri == null) {
            throw new UsageException("Content provider URI not specified. Did you specify --uri argument?");
        }
        if (takes(operation, "insert", "update") && values.isEmpty()) {
            throw new UsageException("Bindings not specified. Did you specify --bind argument(s)?");
        }
        if (operation.equals("call") && method == null) {
            throw new UsageException("Content provider method not specified.");
        }
        return new ContentRequest(operation, uri, userId, values, extras, projection, where, sort, method, arg);
    }

    private static boolean takes(String operation, String... operations) {
        return List.of(operations).contains(operation);
    }

    private void parseBind(Map<String, Object> into) throws UsageException {
        String argument = nextArg();
        if (argument == null || argument.isEmpty()) {
            throw new UsageException("Binding not well formed: " + argument);
        }
        String column;
        String type;
        String value;
        if (modern) {
            List<String> split = splitWithEscaping(argument);
            if (split.size() != 3) {
                throw new UsageException("Binding not well formed: " + argument);
            }
            column = split.get(0);
            type = split.get(1);
            value = split.get(2);
        } else {
            int first = argument.indexOf(':');
            int second = first < 0 ? -1 : argument.indexOf(':', first + 1);
            if (second < 0) {
                throw new UsageException("Binding not well formed: " + argument);
            }
            column = argument.substring(0, first);
            type = argument.substring(first + 1, second);
            value = argument.substring(second + 1);
        }
        into.put(column, typed(type, value));
    }

    private Object typed(String type, String value) throws UsageException {
        try {
            if (type.equals("s")) {
                return value;
            } else if (type.equalsIgnoreCase("b")) {
                return Boolean.parseBoolean(value);
            } else if (type.equalsIgnoreCase("i")) {
                return modern ? (Object) Integer.parseInt(value) : (Object) Long.parseLong(value);
            } else if (type.equalsIgnoreCase("l")) {
                return Long.parseLong(value);
            } else if (type.equalsIgnoreCase("f")) {
                return modern ? (Object) Float.parseFloat(value) : (Object) Double.parseDouble(value);
            } else if (type.equalsIgnoreCase("d")) {
                return Double.parseDouble(value);
            } else if (modern && type.equalsIgnoreCase("n")) {
                return null;
            }
        } catch (NumberFormatException e) {
            // NumberFormatException is an IllegalArgumentException: Content.java prints it as [ERROR] too.
            throw new UsageException(e.getMessage());
        }
        throw new UsageException("Unsupported type: " + type);
    }

    private static List<String> splitWithEscaping(String argument) throws UsageException {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\') {
                if (++i == argument.length()) {
                    throw new UsageException("Invalid escaping");
                }
                current.append(argument.charAt(i));
            } else if (c == ':') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static int parseInt(String value) throws UsageException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Content.argumentValueRequired: the value may be neither empty nor start with "--". */
    private String valueRequired(String argument) throws UsageException {
        String value = nextArg();
        if (value == null || value.isEmpty() || value.startsWith("--")) {
            throw new UsageException("No value for argument: " + argument);
        }
        return value;
    }

    private String nextArg() {
        return next < args.size() ? args.get(next++) : null;
    }
}
