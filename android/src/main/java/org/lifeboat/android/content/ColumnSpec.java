package org.lifeboat.android.content;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A column to query and how to read it back from {@code content query} output, which prints every value as unescaped
 * text (android-data.md §2.2). The kind decides what may appear in the printed value and therefore where in the
 * projection the column may stand.
 */
public record ColumnSpec(String column, Kind kind) {

    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public enum Kind {
        /** Printed as a decimal number or {@code NULL}; safe anywhere in the projection. */
        INTEGER,
        /**
         * Text known never to contain {@code ", "} or a newline (mimetypes, account types, MIME content types). Safe
         * anywhere; {@code NULL} is read as SQL NULL.
         */
        TOKEN,
        /**
         * Free text: may contain anything, so it must be the last column of the projection. The text {@code NULL}
         * cannot be told from SQL NULL and is read as NULL; resolve it with {@link NullCheck} where it matters.
         */
        TEXT,
        /**
         * Free text queried as {@code hex(col)} plus {@code col IS NULL}: exact bytes and exact NULL, safe anywhere.
         * Only for providers that accept SQL expressions in projections (telephony; not contacts or call log).
         */
        HEX_TEXT
    }

    public ColumnSpec {
        if (column == null || !COLUMN_NAME.matcher(column).matches()) {
            throw new IllegalArgumentException("not a plain column name: " + column);
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind of column " + column + " must be given");
        }
    }

    public static ColumnSpec integer(String column) {
        return new ColumnSpec(column, Kind.INTEGER);
    }

    public static ColumnSpec token(String column) {
        return new ColumnSpec(column, Kind.TOKEN);
    }

    public static ColumnSpec text(String column) {
        return new ColumnSpec(column, Kind.TEXT);
    }

    public static ColumnSpec hexText(String column) {
        return new ColumnSpec(column, Kind.HEX_TEXT);
    }

    /** The projection expressions this column expands to; the provider prints each expression as the column name. */
    List<String> expressions() {
        return kind == Kind.HEX_TEXT ? List.of(hexExpression(), isNullExpression()) : List.of(column);
    }

    String hexExpression() {
        return "hex(" + column + ")";
    }

    String isNullExpression() {
        return column + " IS NULL";
    }
}
