package org.lifeboat.android.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Splits {@code content query} output into rows using the known projection (android-data.md §2.3, strategy 2). A row
 * is {@code "Row: " + index + " " + c0=v0 + ", c1=" + v1 …}, printed with {@code println} and nothing escaped. Every
 * column except a trailing {@link ColumnSpec.Kind#TEXT} one is free of {@code ", "} and newlines, so separators are
 * found left to right; the trailing text runs until a line that starts the next row <em>and</em> whose fixed columns
 * parse. Only a text value that embeds such a well-formed next-row line verbatim can mislead it.
 */
final class QueryOutputParser {

    static final String ROW_PREFIX = "Row: ";

    private final ContentQuery query;
    private final List<String> expressions;
    private final boolean endsWithFreeText;

    QueryOutputParser(ContentQuery query) {
        this.query = query;
        this.expressions = query.projection();
        this.endsWithFreeText = query.columns().getLast().kind() == ColumnSpec.Kind.TEXT;
    }

    /** @param output stdout without its final newline */
    List<ProviderRow> parse(String output) throws MalformedContentOutputException {
        List<ProviderRow> rows = new ArrayList<>();
        if (!output.startsWith(header(0))) {
            throw new MalformedContentOutputException(
                    "expected output to start with \"" + header(0) + "\" for " + query + ", got: " + firstLine(output));
        }
        int start = header(0).length();
        for (int index = 0; ; index++) {
            int end = rowEnd(output, start, index + 1);
            rows.add(decode(output.substring(start, end), index));
            if (end == output.length()) {
                return List.copyOf(rows);
            }
            start = end + 1 + header(index + 1).length();
        }
    }

    private String header(int index) {
        return ROW_PREFIX + index + " " + expressions.getFirst() + "=";
    }

    /** Position of the newline that ends the row whose values start at {@code start}, or the end of output. */
    private int rowEnd(String output, int start, int nextIndex) throws MalformedContentOutputException {
        String nextHeader = "\n" + header(nextIndex);
        if (!endsWithFreeText) {
            int newline = output.indexOf('\n', start);
            if (newline < 0) {
                return output.length();
            }
            if (!output.startsWith(nextHeader, newline)) {
                throw new MalformedContentOutputException("row " + (nextIndex - 1) + " of " + query
                        + " is followed by a line that is not row " + nextIndex + ": "
                        + firstLine(output.substring(newline + 1)));
            }
            return newline;
        }
        for (int candidate = output.indexOf(nextHeader, start);
                candidate >= 0;
                candidate = output.indexOf(nextHeader, candidate + 1)) {
            int valuesStart = candidate + nextHeader.length();
            if (fixedColumnsParse(firstLine(output.substring(valuesStart)), nextIndex)) {
                return candidate;
            }
        }
        return output.length();
    }

    private boolean fixedColumnsParse(String line, int index) {
        try {
            decode(line, index);
            return true;
        } catch (MalformedContentOutputException notARow) {
            return false;
        }
    }

    private ProviderRow decode(String values, int index) throws MalformedContentOutputException {
        List<String> raw = split(values, index);
        ProviderRow.Builder row = ProviderRow.builder();
        int at = 0;
        for (ColumnSpec column : query.columns()) {
            String value = raw.get(at++);
            ProviderValue decoded =
                    switch (column.kind()) {
                        case INTEGER -> integer(value, column, index);
                        case TOKEN -> {
                            if (value.indexOf('\n') >= 0) {
                                throw malformed(index, column.column(), "contains a newline");
                            }
                            yield textOrNull(value);
                        }
                        case TEXT -> textOrNull(value);
                        case HEX_TEXT -> hexText(value, raw.get(at++), column, index);
                    };
            row.put(column.column(), decoded);
        }
        return row.build();
    }

    private List<String> split(String values, int index) throws MalformedContentOutputException {
        List<String> raw = new ArrayList<>(expressions.size());
        int from = 0;
        for (int i = 1; i < expressions.size(); i++) {
            String separator = ", " + expressions.get(i) + "=";
            int at = values.indexOf(separator, from);
            if (at < 0) {
                throw new MalformedContentOutputException(
                        "row " + index + " of " + query + " lacks column " + expressions.get(i));
            }
            raw.add(values.substring(from, at));
            from = at + separator.length();
        }
        raw.add(values.substring(from));
        return raw;
    }

    private static ProviderValue textOrNull(String value) {
        return value.equals("NULL") ? ProviderValue.nullValue() : ProviderValue.text(value);
    }

    private ProviderValue integer(String value, ColumnSpec column, int index) throws MalformedContentOutputException {
        if (value.equals("NULL")) {
            return ProviderValue.nullValue();
        }
        try {
            return ProviderValue.integer(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw malformed(index, column.column(), "is not an integer: \"" + value + "\"");
        }
    }

    private ProviderValue hexText(String hex, String isNull, ColumnSpec column, int index)
            throws MalformedContentOutputException {
        if (isNull.equals("1")) {
            if (!hex.isEmpty()) {
                throw malformed(index, column.column(), "is NULL but its hex() is \"" + hex + "\"");
            }
            return ProviderValue.nullValue();
        }
        if (!isNull.equals("0")) {
            throw malformed(index, column.isNullExpression(), "is not 0 or 1: \"" + isNull + "\"");
        }
        if (hex.length() % 2 != 0 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
            throw malformed(index, column.hexExpression(), "is not upper-case hex: \"" + hex + "\"");
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        try {
            return ProviderValue.text(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException notUtf8) {
            // SQLite stores whatever bytes the writer gave it; keep them exactly rather than guess a charset.
            return ProviderValue.blob(bytes);
        }
    }

    private MalformedContentOutputException malformed(int index, String column, String problem) {
        return new MalformedContentOutputException("row " + index + " of " + query + ": " + column + " " + problem);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
