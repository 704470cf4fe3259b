package org.lifeboat.virtualphone.provider.android;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lifeboat.virtualphone.provider.ContentProvider;
import org.lifeboat.virtualphone.provider.ContentUri;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.ProviderException;
import org.lifeboat.virtualphone.provider.sql.Expression;
import org.lifeboat.virtualphone.provider.sql.OrderBy;
import org.lifeboat.virtualphone.provider.sql.QueryResult;
import org.lifeboat.virtualphone.provider.sql.Relation;
import org.lifeboat.virtualphone.provider.sql.ResultColumn;
import org.lifeboat.virtualphone.provider.sql.Select;
import org.lifeboat.virtualphone.provider.sql.SqlException;
import org.lifeboat.virtualphone.provider.sql.SqlParser;
import org.lifeboat.virtualphone.provider.store.Table;
import org.lifeboat.virtualphone.provider.store.TableFile;

/**
 * A provider over {@link Table}s that saves them to its state file after every change. Subclasses route URIs to
 * tables and add the provider's own rules; this class does the SQLiteQueryBuilder part.
 */
abstract class TableProvider implements ContentProvider {
    protected final DeviceEnvironment environment;
    private final Path stateFile;
    private final List<Table> tables;
    private boolean savesDeferred;

    TableProvider(DeviceEnvironment environment, Path stateFile, List<Table> tables) {
        this.environment = environment;
        this.stateFile = stateFile;
        this.tables = List.copyOf(tables);
    }

    final void persist() {
        if (!savesDeferred) {
            TableFile.write(stateFile, tables);
        }
    }

    /**
     * Runs {@code changes} and saves once at the end instead of after every row, for a provider operation that
     * commits many rows in few transactions (MediaProvider's scanner applies its rows in batches).
     */
    final void savingOnce(Runnable changes) {
        boolean outer = !savesDeferred;
        savesDeferred = true;
        try {
            changes.run();
        } finally {
            if (outer) {
                savesDeferred = false;
                persist();
            }
        }
    }

    /**
     * SELECT over a relation. A strict provider (one with a projection map and {@code setStrict(true)}, such as
     * ContactsProvider2 and CallLogProvider) accepts only its column names; SQLiteQueryBuilder.computeProjection
     * throws {@code Invalid column X} for anything else, including expressions like {@code hex(data1)}.
     */
    static QueryResult select(
            Relation relation,
            List<String> projection,
            boolean strict,
            Expression filter,
            String selection,
            String sortOrder) {
        try {
            List<ResultColumn> columns = null;
            if (projection != null) {
                columns = new ArrayList<>();
                for (String item : projection) {
                    if (strict) {
                        if (!relation.columns().stream().anyMatch(c -> c.name().equals(item))) {
                            throw ProviderException.illegalArgument("Invalid column " + item);
                        }
                        columns.add(new ResultColumn(item, new Expression.ColumnRef(item), false));
                    } else {
                        columns.add(SqlParser.parseResultColumn(item));
                    }
                }
            }
            OrderBy orderBy = sortOrder == null || sortOrder.isBlank() ? null : SqlParser.parseOrderBy(sortOrder);
            return Select.run(relation, columns, Expression.and(filter, where(selection)), orderBy, List.of());
        } catch (SqlException e) {
            throw ProviderException.sqlite(e.getMessage());
        }
    }

    static Expression where(String selection) {
        try {
            return selection == null || selection.isBlank() ? null : SqlParser.parseExpression(selection);
        } catch (SqlException e) {
            throw ProviderException.sqlite(e.getMessage());
        }
    }

    final long insertRow(Table table, Map<String, Object> values) {
        try {
            long id = table.insert(values);
            persist();
            return id;
        } catch (SqlException e) {
            throw ProviderException.sqlite(e.getMessage());
        }
    }

    final int updateRows(Table table, Expression filter, String selection, Map<String, Object> values) {
        try {
            int count = table.update(matching(table, filter, selection), values);
            persist();
            return count;
        } catch (SqlException e) {
            throw ProviderException.sqlite(e.getMessage());
        }
    }

    final int deleteRows(Table table, Expression filter, String selection) {
        try {
            int count = table.delete(matching(table, filter, selection));
            persist();
            return count;
        } catch (SqlException e) {
            throw ProviderException.sqlite(e.getMessage());
        }
    }

    static List<Integer> matching(Table table, Expression filter, String selection) {
        return Select.matching(table.relation(), Expression.and(filter, where(selection)), List.of());
    }

    static Expression equalTo(String column, Object value) {
        return new Expression.Binary("=", new Expression.ColumnRef(column), new Expression.Literal(value));
    }

    /** ContentUris.parseId: the last segment as a number; NumberFormatException surfaces as it does on Android. */
    static long id(ContentUri uri, int segment) {
        String text = uri.segment(segment);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ProviderException.illegalArgument("Unknown URL " + uri);
        }
    }

    static ProviderException unknownUri(ContentUri uri) {
        return ProviderException.illegalArgument("Unknown URL " + uri);
    }

    static boolean isNumber(String segment) {
        return segment != null && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }
}
