package org.lifeboat.virtualphone.provider.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lifeboat.virtualphone.provider.sql.Affinity;
import org.lifeboat.virtualphone.provider.sql.Column;
import org.lifeboat.virtualphone.provider.sql.Relation;
import org.lifeboat.virtualphone.provider.sql.SqlException;
import org.lifeboat.virtualphone.provider.sql.SqlValues;

/**
 * An in-memory SQLite table: declared columns with affinities and defaults, an INTEGER PRIMARY KEY that new rows get
 * as {@code max(_id)+1} (SQLite's rowid choice without AUTOINCREMENT), and rows in rowid order. Not thread-safe: a
 * provider serialises access.
 */
public final class Table {
    private final String name;
    private final String primaryKey;
    private final List<Column> columns = new ArrayList<>();
    private final Map<String, Object> defaults = new HashMap<>();
    private final List<Object[]> rows = new ArrayList<>();

    private Table(String name, String primaryKey) {
        this.name = name;
        this.primaryKey = primaryKey;
    }

    /**
     * Declares a table from a column list written like the body of AOSP's CREATE TABLE statements, e.g.
     * {@code "_id INTEGER PRIMARY KEY, address TEXT, read INTEGER DEFAULT 0"}.
     */
    public static Table declare(String name, String columnDefinitions) {
        List<String[]> parsed = new ArrayList<>();
        String primaryKey = "_id";
        for (String definition : columnDefinitions.split(",")) {
            String[] words = definition.strip().split("\\s+");
            parsed.add(words);
            if (definition.toUpperCase(Locale.ROOT).contains("PRIMARY KEY")) {
                primaryKey = words[0];
            }
        }
        Table table = new Table(name, primaryKey);
        for (String[] words : parsed) {
            String type = words.length > 1 && !words[1].equalsIgnoreCase("DEFAULT") ? words[1] : "";
            table.columns.add(new Column(words[0], Affinity.ofDeclaredType(type)));
            for (int i = 1; i + 1 < words.length; i++) {
                if (words[i].equalsIgnoreCase("DEFAULT")) {
                    Affinity affinity = Affinity.ofDeclaredType(type);
                    table.defaults.put(key(words[0]), SqlValues.applyAffinity(unquote(words[i + 1]), affinity));
                }
            }
        }
        return table;
    }

    private static Object unquote(String literal) {
        if (literal.equalsIgnoreCase("NULL")) {
            return null;
        }
        return literal.startsWith("'") && literal.endsWith("'") ? literal.substring(1, literal.length() - 1) : literal;
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return List.copyOf(columns);
    }

    public boolean hasColumn(String column) {
        return indexOf(column) >= 0;
    }

    /** A view of the current rows for one query; valid until the table is next modified. */
    public Relation relation() {
        return new Relation(name, columns, List.copyOf(rows));
    }

    public int size() {
        return rows.size();
    }

    /** Inserts a row the way {@code INSERT INTO t(cols) VALUES(...)} does and returns its primary key. */
    public long insert(Map<String, Object> values) {
        for (String column : values.keySet()) {
            if (indexOf(column) < 0) {
                throw new SqlException("table " + name + " has no column named " + column);
            }
        }
        return add(values, true);
    }

    /**
     * Adds a row read from a profile or state file. Columns the declaration lacks are added (with no affinity) so
     * that vendor columns survive a round trip; profile rows get the declared defaults, stored rows do not.
     */
    public long load(Map<String, Object> values, boolean applyDefaults) {
        for (String column : values.keySet()) {
            if (indexOf(column) < 0) {
                columns.add(new Column(column, Affinity.NONE));
                for (int i = 0; i < rows.size(); i++) {
                    Object[] widened = java.util.Arrays.copyOf(rows.get(i), columns.size());
                    rows.set(i, widened);
                }
            }
        }
        return add(values, applyDefaults);
    }

    private long add(Map<String, Object> given, boolean applyDefaults) {
        Map<String, Object> values = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(given);
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i).name();
            Object value =
                    values.containsKey(column) ? values.get(column) : applyDefaults ? defaults.get(key(column)) : null;
            row[i] = SqlValues.applyAffinity(
                    SqlValues.normalize(value), columns.get(i).affinity());
        }
        int pk = indexOf(primaryKey);
        if (!(row[pk] instanceof Long)) {
            row[pk] = nextId();
        } else if (findById((Long) row[pk]) >= 0) {
            throw new SqlException("UNIQUE constraint failed: " + name + "." + primaryKey);
        }
        rows.add(insertionPoint((Long) row[pk]), row);
        return (Long) row[pk];
    }

    private int insertionPoint(long id) {
        int at = rows.size();
        while (at > 0 && (Long) rows.get(at - 1)[indexOf(primaryKey)] > id) {
            at--;
        }
        return at;
    }

    private long nextId() {
        return rows.isEmpty() ? 1 : (Long) rows.getLast()[indexOf(primaryKey)] + 1;
    }

    /** Row index of the row with that primary key, or -1. */
    public int findById(long id) {
        int pk = indexOf(primaryKey);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i)[pk] instanceof Long l && l == id) {
                return i;
            }
        }
        return -1;
    }

    public Object get(int rowIndex, String column) {
        int index = indexOf(column);
        return index < 0 ? null : rows.get(rowIndex)[index];
    }

    /** Updates the rows at the given indices (from {@code Select.matching} over {@link #relation()}). */
    public int update(List<Integer> rowIndices, Map<String, Object> values) {
        for (String column : values.keySet()) {
            if (indexOf(column) < 0) {
                throw new SqlException("no such column: " + column);
            }
        }
        for (int rowIndex : rowIndices) {
            Object[] row = rows.get(rowIndex);
            values.forEach((column, value) -> {
                int index = indexOf(column);
                row[index] = SqlValues.applyAffinity(
                        SqlValues.normalize(value), columns.get(index).affinity());
            });
        }
        return rowIndices.size();
    }

    public int delete(List<Integer> rowIndices) {
        List<Integer> descending = new ArrayList<>(rowIndices);
        descending.sort(java.util.Comparator.reverseOrder());
        for (int rowIndex : descending) {
            rows.remove(rowIndex);
        }
        return rowIndices.size();
    }

    /** Rows as column-name maps in column order, for persistence. */
    public List<Map<String, Object>> toMaps() {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                map.put(columns.get(i).name(), row[i]);
            }
            maps.add(map);
        }
        return maps;
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }
}
