package org.lifeboat.android.collect;

import java.util.List;

/** What a collector found for one type: the snapshot entries to write and the report row. */
public record Collection(DataType type, List<CollectedItem> items, TypeReport report) {
    public Collection {
        items = List.copyOf(items);
    }
}
