package org.lifeboat.android.content;

/** SQL literals for {@code --where} clauses, which {@code content} passes to the provider without any escaping. */
public final class SqlLiteral {

    private SqlLiteral() {}

    /** A SQLite string literal: single quotes, an embedded {@code '} doubled. */
    public static String quote(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a SQL literal passed through content cannot contain NUL");
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
