package org.lifeboat.virtualphone.provider.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.ContentProvider;

/**
 * {@code settings [--user N] get|put|delete|list NAMESPACE ...}: SettingsService.MyShellCommand of
 * frameworks/base packages/SettingsProvider, which reaches the settings provider through call(). Errors go to
 * stderr with status 255 (the command's -1).
 */
public final class SettingsCommand {
    private static final int FAILURE = 255;

    private final ContentProvider settings;

    public SettingsCommand(ContentProvider settings) {
        this.settings = settings;
    }

    public int run(List<String> args, OutputStream stdout, OutputStream stderr, Caller caller) throws IOException {
        String verb = null;
        String table = null;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--user") && verb == null) {
                i++; // Only user 0 exists on the virtual phone; SettingsService checks the rest later.
            } else if (verb == null) {
                verb = arg.toLowerCase(Locale.ROOT);
                if (!List.of("get", "put", "delete", "list", "reset").contains(verb)) {
                    return fail(stderr, "Invalid command: " + arg);
                }
            } else if (table == null) {
                if (!List.of("system", "secure", "global").contains(arg.toLowerCase(Locale.ROOT))) {
                    return fail(stderr, "Invalid namespace '" + arg + "'");
                }
                table = arg.toLowerCase(Locale.ROOT);
            } else {
                operands.add(arg);
            }
        }
        if (verb == null || table == null || !validOperands(verb, operands)) {
            return fail(stderr, operands.size() > 4 ? "Too many arguments" : "Bad arguments");
        }
        switch (verb) {
            case "list" -> {
                @SuppressWarnings("unchecked")
                List<String> lines = new ArrayList<>((List<String>)
                        settings.call(caller, "LIST_" + table, null, Map.of()).get("result_settings_list"));
                Collections.sort(lines);
                print(stdout, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
            }
            case "get" ->
                print(
                        stdout,
                        settings.call(caller, "GET_" + table, operands.get(0), Map.of())
                                        .get("value") + "\n");
            case "put" -> settings.call(caller, "PUT_" + table, operands.get(0), Map.of("value", operands.get(1)));
            case "delete" ->
                print(
                        stdout,
                        "Deleted "
                                + settings.call(caller, "DELETE_" + table, operands.get(0), Map.of())
                                        .get("result_rows_deleted")
                                + " rows\n");
            default -> {
                return fail(stderr, "Reset is not supported by the Lifeboat virtual phone");
            }
        }
        return 0;
    }

    private static boolean validOperands(String verb, List<String> operands) {
        return switch (verb) {
            case "list" -> operands.isEmpty();
            case "get", "delete" -> operands.size() == 1;
            case "put" -> operands.size() >= 2 && operands.size() <= 4;
            default -> true;
        };
    }

    private static int fail(OutputStream stderr, String message) throws IOException {
        print(stderr, message + "\n");
        return FAILURE;
    }

    private static void print(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
