package org.lifeboat.android.collect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lifeboat.android.content.ColumnSpec;
import org.lifeboat.android.content.ContentCommandException;
import org.lifeboat.android.content.ContentOutput;
import org.lifeboat.android.content.ContentQuery;
import org.lifeboat.android.content.ProviderRow;
import org.lifeboat.android.content.ProviderTable;
import org.lifeboat.android.content.ProviderValue;

/**
 * Reads a whole provider table through {@code content query}, which can only print one free-text column safely and
 * only as the last one (android-data.md §2.3): the fixed-format columns come in one query, each free-text column in
 * a query of its own ({@code _id} plus that column) with a second query telling SQL NULL from the text "NULL", and
 * the rows are joined on {@code _id}.
 */
final class TableReader {
    private static final String ID = "_id";

    private final Phone phone;

    TableReader(Phone phone) {
        this.phone = phone;
    }

    /**
     * @param fixed columns that cannot hold {@code ", "} or a newline (or hex-encoded ones); the first must be
     *     {@code _id}
     * @param texts free-text columns, read one per query
     */
    ProviderTable read(String table, String uri, Optional<String> where, List<ColumnSpec> fixed, List<String> texts)
            throws IOException, ContentCommandException {
        if (fixed.isEmpty() || !fixed.getFirst().column().equals(ID)) {
            throw new IllegalArgumentException("the first column of " + table + " must be _id");
        }
        List<ProviderRow> rows = phone.query(query(uri, where, fixed));
        List<Map<Long, ProviderValue>> textValues = new ArrayList<>();
        for (String text : texts) {
            textValues.add(readText(uri, where, text));
        }
        List<ProviderRow> joined = new ArrayList<>(rows.size());
        for (ProviderRow row : rows) {
            ProviderRow.Builder builder = row.toBuilder();
            long id = row.integer(ID).orElseThrow(() -> new IllegalStateException(table + " row without _id"));
            for (int i = 0; i < texts.size(); i++) {
                builder.put(texts.get(i), textValues.get(i).getOrDefault(id, ProviderValue.nullValue()));
            }
            joined.add(builder.build());
        }
        return new ProviderTable(table, joined);
    }

    private Map<Long, ProviderValue> readText(String uri, Optional<String> where, String column)
            throws IOException, ContentCommandException {
        ContentQuery query = query(uri, where, List.of(ColumnSpec.integer(ID), ColumnSpec.text(column)));
        List<ProviderRow> rows = phone.query(query);
        if (rows.stream().anyMatch(row -> row.get(column) instanceof ProviderValue.Null)) {
            List<ProviderRow> reallyNull = phone.query(ContentOutput.nullCheckQuery(query, ID, column));
            rows = ContentOutput.resolveNullText(rows, ID, column, reallyNull);
        }
        Map<Long, ProviderValue> values = new HashMap<>();
        for (ProviderRow row : rows) {
            row.integer(ID).ifPresent(id -> values.put(id, row.get(column)));
        }
        return values;
    }

    private static ContentQuery query(String uri, Optional<String> where, List<ColumnSpec> columns) {
        ContentQuery.Builder builder = ContentQuery.builder(uri);
        columns.forEach(builder::column);
        where.ifPresent(builder::where);
        return builder.build();
    }

    /** Integer columns. */
    static List<ColumnSpec> integers(String... columns) {
        return java.util.Arrays.stream(columns).map(ColumnSpec::integer).toList();
    }

    /** Text columns that never hold {@code ", "} or a newline (identifiers, MIME types, time zones). */
    static List<ColumnSpec> tokens(String... columns) {
        return java.util.Arrays.stream(columns).map(ColumnSpec::token).toList();
    }

    /** Text columns read as {@code hex(col)}; only where the provider allows SQL expressions (telephony). */
    static List<ColumnSpec> hexTexts(String... columns) {
        return java.util.Arrays.stream(columns).map(ColumnSpec::hexText).toList();
    }

    @SafeVarargs
    static List<ColumnSpec> concat(List<ColumnSpec>... parts) {
        List<ColumnSpec> all = new ArrayList<>();
        for (List<ColumnSpec> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
