package org.lifeboat.android.content;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Prints rows the way {@code Content.QueryCommand.onExecute} does (frameworks/base cmds/content, Android 12+ copy in
 * Neoteric-OS/android_frameworks_base): "Row: i " + "name=value" joined by ", ", println per row, INTEGER via getLong,
 * STRING raw, BLOB as "BLOB", NULL as "NULL", and "No result found." for an empty cursor. The SQL expressions that
 * {@link ColumnSpec#hexText} uses are evaluated as SQLite would: hex() of a TEXT is the upper-case hex of its UTF-8
 * bytes, hex(NULL) is empty.
 */
final class AospContentPrinter {

    private AospContentPrinter() {}

    static String print(ContentQuery query, List<ProviderRow> stored) {
        if (stored.isEmpty()) {
            return "No result found.\n";
        }
        StringBuilder out = new StringBuilder();
        for (int index = 0; index < stored.size(); index++) {
            ProviderRow row = stored.get(index);
            out.append("Row: ").append(index).append(' ');
            List<String> expressions = query.projection();
            for (int i = 0; i < expressions.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                String expression = expressions.get(i);
                out.append(expression).append('=').append(print(evaluate(expression, row)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static ProviderValue evaluate(String expression, ProviderRow row) {
        if (expression.startsWith("hex(") && expression.endsWith(")")) {
            ProviderValue value = row.get(expression.substring(4, expression.length() - 1));
            return ProviderValue.text(
                    switch (value) {
                        case ProviderValue.Null ignored -> "";
                        case ProviderValue.Text text ->
                            HexFormat.of()
                                    .withUpperCase()
                                    .formatHex(text.value().getBytes(StandardCharsets.UTF_8));
                        case ProviderValue.Int number ->
                            HexFormat.of()
                                    .withUpperCase()
                                    .formatHex(Long.toString(number.value()).getBytes());
                        case ProviderValue.Blob blob ->
                            HexFormat.of().withUpperCase().formatHex(blob.bytes());
                    });
        }
        if (expression.endsWith(" IS NULL")) {
            String column = expression.substring(0, expression.length() - " IS NULL".length());
            return ProviderValue.integer(row.get(column) instanceof ProviderValue.Null ? 1 : 0);
        }
        return row.get(expression);
    }

    private static String print(ProviderValue value) {
        return switch (value) {
            case ProviderValue.Null ignored -> "NULL";
            case ProviderValue.Text text -> text.value();
            case ProviderValue.Int number -> Long.toString(number.value());
            case ProviderValue.Blob ignored -> "BLOB";
        };
    }
}
