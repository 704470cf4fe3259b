package org.lifeboat.virtualphone.provider.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A snapshot of a table or view: named columns and rows of values in column order. */
public final class Relation {
    private final String name;
    private final List<Column> columns;
    private final List<Object[]> rows;
    private final Map<String, Integer> indexByName = new HashMap<>();

    public Relation(String name, List<Column> columns, List<Object[]> rows) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        for (int i = columns.size() - 1; i >= 0; i--) {
            indexByName.put(columns.get(i).name().toLowerCase(Locale.ROOT), i);
        }
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }

    /** SQLite identifiers are case-insensitive; -1 when there is no such column. */
    public int indexOf(String column) {
        return indexByName.getOrDefault(column.toLowerCase(Locale.ROOT), -1);
    }

    public boolean hasColumn(String column) {
        return indexOf(column) >= 0;
    }

    Scope scope(Object[] row, List<Object> binds) {
        return new Scope() {
            @Override
            public Object value(String column) {
                return row[require(column)];
            }

            @Override
            public Affinity affinity(String column) {
                return columns.get(require(column)).affinity();
            }

            @Override
            public Object bind(int index) {
                if (index < 0 || index >= binds.size()) {
                    // Unbound parameters are NULL in SQLite.
                    return null;
                }
                return binds.get(index);
            }
        };
    }

    private int require(String column) {
        int index = indexOf(column);
        if (index < 0) {
            throw new SqlException("no such column: " + column);
        }
        return index;
    }
}
