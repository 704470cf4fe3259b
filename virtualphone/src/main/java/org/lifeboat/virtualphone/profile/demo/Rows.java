package org.lifeboat.virtualphone.profile.demo;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds one provider row; insertion order is the column order written to the profile. */
final class Rows {
    private final Map<String, Object> row = new LinkedHashMap<>();

    static Rows row() {
        return new Rows();
    }

    Rows put(String column, Object value) {
        if (row.put(column, value) != null) {
            throw new IllegalStateException("column " + column + " set twice");
        }
        return this;
    }

    Map<String, Object> build() {
        return row;
    }

    /** A BLOB cell, written to JSON as {"base64": "..."} (see docs/virtual-phone.md). */
    static Map<String, Object> blob(byte[] bytes) {
        return Map.of("base64", Base64.getEncoder().encodeToString(bytes));
    }
}
