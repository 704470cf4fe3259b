package org.lifeboat.android.content;

import java.util.List;
import java.util.Objects;

/**
 * The rows read from one provider table (for example {@code raw_contacts} or {@code sms}), in provider order.
 *
 * @param name the table name as used in dumps, not a URI
 */
public record ProviderTable(String name, List<ProviderRow> rows) {

    public ProviderTable {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("table name must not be blank");
        }
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    public static ProviderTable empty(String name) {
        return new ProviderTable(name, List.of());
    }

    public int size() {
        return rows.size();
    }
}
