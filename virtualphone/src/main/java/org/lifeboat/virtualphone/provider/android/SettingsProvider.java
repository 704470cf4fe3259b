package org.lifeboat.virtualphone.provider.android;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.ContentUri;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.ProviderException;
import org.lifeboat.virtualphone.provider.sql.QueryResult;
import org.lifeboat.virtualphone.provider.sql.Relation;
import org.lifeboat.virtualphone.provider.store.Table;

/**
 * {@code content://settings/{system,secure,global}}: SettingsProvider. It is not SQL-backed on real phones
 * (SettingsState keeps an ArrayMap), so it accepts only the selections its Arguments class understands, lists
 * settings in ArrayMap order (ascending key hash) and serves the {@code settings} command through call().
 */
final class SettingsProvider extends TableProvider {
    static final String COLUMNS = "_id INTEGER PRIMARY KEY, name TEXT, value TEXT";
    static final List<String> NAMESPACES = List.of("system", "secure", "global");
    /** SettingsProvider.RESULT_SETTINGS_LIST, the Bundle key of LIST_* results. */
    static final String RESULT_SETTINGS_LIST = "result_settings_list";

    /** SettingsProvider.Arguments: {@code name=?} or {@code name='x'}, optionally in brackets. */
    private static final Pattern NAME_EQUALS =
            Pattern.compile("\\s*\\(?\\s*name\\s*=\\s*(?:'(.*)'|\"(.*)\")\\s*\\)?\\s*");

    private final Map<String, Table> tables = new LinkedHashMap<>();

    SettingsProvider(DeviceEnvironment environment, Path stateFile, List<Table> namespaceTables) {
        super(environment, stateFile, namespaceTables);
        namespaceTables.forEach(table -> tables.put(table.name(), table));
    }

    @Override
    public void checkOpen(Caller caller) {
        // Readable by anyone; the shell holds WRITE_SECURE_SETTINGS for writes.
    }

    @Override
    public synchronized QueryResult query(
            Caller caller, ContentUri uri, List<String> projection, String selection, String sortOrder) {
        Table table = table(uri);
        String name = name(uri, selection, true);
        for (String column : projection == null ? List.<String>of() : projection) {
            if (!List.of("_id", "name", "value").contains(column)) {
                throw ProviderException.illegalArgument("Invalid column: " + column);
            }
        }
        List<Object[]> rows = new ArrayList<>(table.relation().rows());
        rows.removeIf(row -> name != null && !name.equals(row[1]));
        rows.sort(Comparator.comparingInt(row -> row[1].hashCode()));
        Relation ordered = new Relation(table.name(), table.columns(), rows);
        return select(ordered, projection, true, null, null, null);
    }

    @Override
    public synchronized void insert(Caller caller, ContentUri uri, Map<String, Object> values) {
        Table table = table(uri);
        if (values.get("name") instanceof String name && !name.isEmpty()) {
            put(
                    table,
                    name,
                    values.get("value") == null ? null : values.get("value").toString());
        }
    }

    @Override
    public synchronized int update(Caller caller, ContentUri uri, Map<String, Object> values, String selection) {
        Table table = table(uri);
        String name = name(uri, selection, false);
        put(
                table,
                name,
                values.get("value") == null ? null : values.get("value").toString());
        return 1;
    }

    @Override
    public synchronized int delete(Caller caller, ContentUri uri, String selection) {
        return remove(table(uri), name(uri, selection, false));
    }

    /** The verbs SettingsService uses: GET_/PUT_/DELETE_/LIST_ + namespace (Settings.CALL_METHOD_*). */
    @Override
    public synchronized Map<String, Object> call(Caller caller, String method, String arg, Map<String, Object> extras) {
        int underscore = method.indexOf('_');
        Table table = underscore < 0 ? null : tables.get(method.substring(underscore + 1));
        if (table == null) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        switch (method.substring(0, underscore)) {
            case "GET" -> result.put("value", value(table, arg));
            case "PUT" ->
                put(
                        table,
                        arg,
                        extras.get("value") == null ? null : extras.get("value").toString());
            case "DELETE" -> result.put("result_rows_deleted", remove(table, arg));
            case "LIST" -> {
                List<String> lines = new ArrayList<>();
                table.relation().rows().forEach(row -> lines.add(row[1] + "=" + row[2]));
                result.put(RESULT_SETTINGS_LIST, lines);
            }
            default -> {
                return null;
            }
        }
        return result;
    }

    private String value(Table table, String name) {
        for (Object[] row : table.relation().rows()) {
            if (row[1].equals(name)) {
                return (String) row[2];
            }
        }
        return null;
    }

    private void put(Table table, String name, String value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("value", value);
        if (matching(table, equalTo("name", name), null).isEmpty()) {
            insertRow(table, row);
        } else {
            row.remove("name");
            updateRows(table, equalTo("name", name), null, row);
        }
    }

    private int remove(Table table, String name) {
        return deleteRows(table, equalTo("name", name), null);
    }

    private Table table(ContentUri uri) {
        Table table = uri.path().isEmpty() ? null : tables.get(uri.path().get(0));
        if (table == null || uri.path().size() > 2) {
            throw ProviderException.illegalArgument("Invalid URI: " + uri);
        }
        return table;
    }

    /** SettingsProvider.Arguments: the setting name from the URI or from a {@code name='x'} selection. */
    private static String name(ContentUri uri, String selection, boolean allowAll) {
        if (uri.path().size() == 2 && (selection == null || selection.isEmpty())) {
            return uri.path().get(1);
        }
        if (uri.path().size() == 1 && selection != null) {
            Matcher matcher = NAME_EQUALS.matcher(selection);
            if (matcher.matches()) {
                return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            }
        }
        if (uri.path().size() == 1 && selection == null && allowAll) {
            return null;
        }
        throw ProviderException.illegalArgument("Supported SQL:\n"
                + "  uri content://some_table/some_property with null where and where args\n"
                + "  uri content://some_table with query name=? and single name as arg\n"
                + "  uri content://some_table with query name=some_name and null args\n"
                + "  but got - uri:" + uri + ", where:" + selection + " whereArgs:null");
    }
}
