package org.lifeboat.virtualphone.am;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.virtualphone.device.Intent;

/**
 * Intent.parseCommandArgs for the options backup tools use ({@code -a -d -t -n -f -e/--es --ei --el --ez
 * --user --receiver-foreground}), and Intent.toString's short form for printing.
 */
final class IntentParser {
    private IntentParser() {}

    record Parsed(String action, String data, String type, String component, Map<String, String> extras, int flags) {
        Intent intent(int addedFlags) {
            return new Intent(
                    Optional.ofNullable(action),
                    Optional.ofNullable(data),
                    Optional.ofNullable(type),
                    Optional.ofNullable(component),
                    extras,
                    flags | addedFlags);
        }
    }

    static Parsed parse(List<String> args) {
        String action = null;
        String data = null;
        String type = null;
        String component = null;
        Map<String, String> extras = new LinkedHashMap<>();
        int flags = 0;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-a" -> action = value(args, ++i, arg);
                case "-d" -> data = value(args, ++i, arg);
                case "-t" -> type = value(args, ++i, arg);
                case "-n" -> component = value(args, ++i, arg);
                case "-f" -> flags |= Integer.decode(value(args, ++i, arg));
                case "-e", "--es", "--ei", "--el", "--ez", "--ef", "--eu" -> {
                    String key = value(args, ++i, arg);
                    extras.put(key, value(args, ++i, arg));
                }
                case "--user", "-c", "--receiver-permission" -> value(args, ++i, arg);
                case "--receiver-foreground" -> flags |= 0x10000000;
                case "--include-stopped-packages" -> flags |= 0x00000020;
                case "-W", "-S", "--activity-clear-top", "--activity-new-task" -> {}
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("Unknown option: " + arg);
                    }
                    if (i == args.size() - 1 && data == null && arg.contains(":")) {
                        data = arg;
                    } else {
                        throw new IllegalArgumentException("Unknown option: " + arg);
                    }
                }
            }
        }
        return new Parsed(action, data, type, component, extras, flags);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException("Argument expected after \"" + option + "\"");
        }
        return args.get(index);
    }

    /** Intent.toString(): "Intent { act=... dat=... typ=... flg=0x... cmp=... (has extras) }". */
    static String describe(Intent intent) {
        StringBuilder out = new StringBuilder("Intent { ");
        boolean first = true;
        first = field(out, first, "act=", intent.action().orElse(null));
        first = field(out, first, "dat=", intent.data().orElse(null));
        first = field(out, first, "typ=", intent.mimeType().orElse(null));
        first = field(out, first, "flg=", intent.flags() == 0 ? null : "0x" + Integer.toHexString(intent.flags()));
        first = field(out, first, "cmp=", intent.component().orElse(null));
        if (!intent.extras().isEmpty()) {
            out.append(first ? "" : " ").append("(has extras)");
        }
        return out.append(" }").toString();
    }

    private static boolean field(StringBuilder out, boolean first, String name, String value) {
        if (value == null) {
            return first;
        }
        out.append(first ? "" : " ").append(name).append(value);
        return false;
    }
}
