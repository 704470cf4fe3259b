package org.lifeboat.virtualphone.provider.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lifeboat.virtualphone.provider.sql.Affinity;
import org.lifeboat.virtualphone.provider.sql.Column;
import org.lifeboat.virtualphone.provider.sql.Relation;
import org.lifeboat.virtualphone.provider.sql.SqlException;
import org.lifeboat.virtualphone.provider.sql.SqlValues;

/**
 * An in-memory SQLite table: declared columns with affinities and defaults, an INTEGER PRIMARY KEY that new rows get
 * as {@code max(_id)+1} (SQLite's rowid choice without AUTOINCREMENT), and rows in rowid order. Every row's primary
 * key is a {@link Long}, so rows are found by binary search. Not thread-safe: a provider serialises access.
 */
public final class Table {
    private final String name;
    private final String primaryKey;
    private final List<Column> columns = new ArrayList<>();
    /** Column positions by name; SQLite identifiers are case-insensitive, and the first of two equal names wins. */
    private final Map<String, Integer> indexByName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private final Map<String, Object> defaults = new HashMap<>();
    private final List<Object[]> rows = new ArrayList<>();
    private int primaryKeyIndex = -1;

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
            table.addColumn(new Column(words[0], Affinity.ofDeclaredType(type)));
            for (int i = 1; i + 1 < words.length; i++) {
                if (words[i].equalsIgnoreCase("DEFAULT")) {
                    Affinity affinity = Affinity.ofDeclaredType(type);
                    table.defaults.put(key(words[0]), SqlValues.applyAffinity(unquote(words[i + 1]), affinity));
                }
            }
        }
        if (table.primaryKeyIndex < 0) {
            throw new IllegalArgumentException("table " + name + " declares no column " + primaryKey
                    + " for its primary key: " + columnDefinitions);
        }
        return table;
    }

    private void addColumn(Column column) {
        columns.add(column);
        indexByName.putIfAbsent(column.name(), columns.size() - 1);
        if (primaryKeyIndex < 0 && column.name().equalsIgnoreCase(primaryKey)) {
            primaryKeyIndex = columns.size() - 1;
        }
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
                addColumn(new Column(column, Affinity.NONE));
                rows.replaceAll(row -> Arrays.copyOf(row, columns.size()));
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
        if (!(row[primaryKeyIndex] instanceof Long)) {
            row[primaryKeyIndex] = nextId();
        }
        long id = (Long) row[primaryKeyIndex];
        int found = search(id);
        if (found >= 0) {
            throw uniqueConstraintFailed();
        }
        rows.add(-found - 1, row);
        return id;
    }

    private long nextId() {
        return rows.isEmpty() ? 1 : idAt(rows.size() - 1) + 1;
    }

    /** Row index of the row with that primary key, or -1. */
    public int findById(long id) {
        return Math.max(search(id), -1);
    }

    /**
     * Binary search over the rows, which are in primary-key order: the row index of {@code id}, or
     * {@code -(insertion point) - 1} as {@link java.util.Collections#binarySearch} answers. Rows usually arrive in
     * ascending order (profiles, state files, inserts), so the last row is checked first.
     */
    private int search(long id) {
        int high = rows.size() - 1;
        if (high < 0 || idAt(high) < id) {
            return -rows.size() - 1;
        }
        int low = 0;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long middleId = idAt(middle);
            if (middleId < id) {
                low = middle + 1;
            } else if (middleId > id) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -low - 1;
    }

    private long idAt(int rowIndex) {
        return (Long) rows.get(rowIndex)[primaryKeyIndex];
    }

    private SqlException uniqueConstraintFailed() {
        return new SqlException("UNIQUE constraint failed: " + name + "." + primaryKey);
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
        Long newId = newPrimaryKey(rowIndices, values);
        for (int rowIndex : rowIndices) {
            Object[] row = rows.get(rowIndex);
            values.forEach((column, value) -> {
                int index = indexOf(column);
                row[index] = SqlValues.applyAffinity(
                        SqlValues.normalize(value), columns.get(index).affinity());
            });
        }
        if (newId != null) {
            // SQLite keeps a table in rowid order, so a row whose rowid changed moves.
            rows.sort(Comparator.comparingLong(row -> (Long) row[primaryKeyIndex]));
        }
        return rowIndices.size();
    }

    /**
     * The primary key an update assigns, checked before any row changes: an INTEGER PRIMARY KEY holds only integers
     * and no two rows share one (SQLite's "datatype mismatch" and "UNIQUE constraint failed"). Null when the update
     * leaves the key alone.
     */
    private Long newPrimaryKey(List<Integer> rowIndices, Map<String, Object> values) {
        Object assigned = null;
        boolean assigns = false;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(primaryKey)) {
                assigns = true;
                assigned = SqlValues.applyAffinity(
                        SqlValues.normalize(entry.getValue()),
                        columns.get(primaryKeyIndex).affinity());
            }
        }
        if (!assigns || rowIndices.isEmpty()) {
            return null;
        }
        if (!(assigned instanceof Long id)) {
            throw new SqlException("datatype mismatch");
        }
        int holder = search(id);
        if (rowIndices.size() > 1 || (holder >= 0 && holder != rowIndices.getFirst())) {
            throw uniqueConstraintFailed();
        }
        return id;
    }

    public int delete(List<Integer> rowIndices) {
        List<Integer> descending = new ArrayList<>(rowIndices);
        descending.sort(Comparator.reverseOrder());
        for (int rowIndex : descending) {
            rows.remove(rowIndex);
        }
        return rowIndices.size();
    }

    private int indexOf(String column) {
        return indexByName.getOrDefault(column, -1);
    }

    private static String key(String column) {
        return column.toLowerCase(Locale.ROOT);
    }
}
