package org.lifeboat.virtualphone.toybox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * toybox's option parsing (lib/args.c) for the commands here: grouped short flags, flags taking a value
 * ({@code -c FMT} or {@code -cFMT}), long options, "--" and options mixed with operands.
 */
final class Flags {
    private final Set<String> present = new HashSet<>();
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final List<String> operands = new ArrayList<>();

    /** The arguments did not fit the spec; the message is what toybox prints after "NAME: ". */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param shortSpec letters, each followed by ':' when it takes a value
     * @param longOptions long option names, each followed by ':' when it takes a value
     */
    static Flags parse(List<String> args, String shortSpec, Set<String> longOptions) throws UsageException {
        Flags flags = new Flags();
        boolean onlyOperands = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyOperands || arg.equals("-") || !arg.startsWith("-")) {
                flags.operands.add(arg);
            } else if (arg.equals("--")) {
                onlyOperands = true;
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int equals = name.indexOf('=');
                String key = equals < 0 ? name : name.substring(0, equals);
                if (longOptions.contains(key)) {
                    flags.present.add(key);
                } else if (longOptions.contains(key + ":")) {
                    String value = equals >= 0 ? name.substring(equals + 1) : null;
                    if (value == null) {
                        if (++i >= args.size()) {
                            throw new UsageException("Missing argument to --" + key);
                        }
                        value = args.get(i);
                    }
                    flags.present.add(key);
                    flags.values.put(key, value);
                } else {
                    throw new UsageException("Unknown option '" + key + "'");
                }
            } else {
                for (int c = 1; c < arg.length(); c++) {
                    String letter = String.valueOf(arg.charAt(c));
                    int at = shortSpec.indexOf(arg.charAt(c));
                    if (at < 0 || arg.charAt(c) == ':') {
                        throw new UsageException("Unknown option '" + arg.substring(c) + "'");
                    }
                    flags.present.add(letter);
                    flags.counts.merge(letter, 1, Integer::sum);
                    if (at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':') {
                        String value = arg.substring(c + 1);
                        if (value.isEmpty()) {
                            if (++i >= args.size()) {
                                throw new UsageException("Missing argument to -" + letter);
                            }
                            value = args.get(i);
                        }
                        flags.values.put(letter, value);
                        break;
                    }
                }
            }
        }
        return flags;
    }

    boolean has(char flag) {
        return present.contains(String.valueOf(flag));
    }

    boolean has(String longName) {
        return present.contains(longName);
    }

    /** How often a flag was given ({@code ls -ll}). */
    int count(char flag) {
        return counts.getOrDefault(String.valueOf(flag), 0);
    }

    String value(char flag) {
        return values.get(String.valueOf(flag));
    }

    String value(String longName) {
        return values.get(longName);
    }

    List<String> operands() {
        return operands;
    }
}
