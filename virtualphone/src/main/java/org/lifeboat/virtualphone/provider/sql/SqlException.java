package org.lifeboat.virtualphone.provider.sql;

/**
 * An error SQLite itself would raise (syntax, unknown column, unknown function). The message uses SQLite's own
 * wording, e.g. {@code no such column: foo}, so that the provider layer can print it the way
 * {@code android.database.sqlite.SQLiteException} does.
 */
public final class SqlException extends RuntimeException {
    public SqlException(String message) {
        super(message);
    }
}
