package org.lifeboat.virtualphone.provider.sql;

import java.util.List;

/** What a query returns: column names in cursor order and the rows' values (see {@link SqlValues}). */
public record QueryResult(List<String> columns, List<Object[]> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
