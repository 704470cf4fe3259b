package org.lifeboat.virtualphone.provider.sql;

import java.util.Locale;

/** SQLite column affinity, derived from a declared type by the rules of https://sqlite.org/datatype3.html §3.1. */
public enum Affinity {
    INTEGER,
    TEXT,
    REAL,
    NUMERIC,
    /** Also called BLOB affinity: values are stored as given. */
    NONE;

    public static Affinity ofDeclaredType(String declaredType) {
        String type = declaredType.toUpperCase(Locale.ROOT);
        if (type.contains("INT")) {
            return INTEGER;
        }
        if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
            return TEXT;
        }
        if (type.isEmpty() || type.contains("BLOB")) {
            return NONE;
        }
        if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    boolean isNumeric() {
        return this == INTEGER || this == REAL || this == NUMERIC;
    }
}
