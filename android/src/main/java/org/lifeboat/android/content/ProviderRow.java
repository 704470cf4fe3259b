package org.lifeboat.android.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SequencedMap;

/** One provider row: columns in cursor order, each with a typed value. Immutable. */
public final class ProviderRow {

    private final SequencedMap<String, ProviderValue> values;

    private ProviderRow(SequencedMap<String, ProviderValue> values) {
        this.values = Collections.unmodifiableSequencedMap(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Columns in their original order. */
    public List<String> columns() {
        return List.copyOf(values.sequencedKeySet());
    }

    /** Column → value, in column order; unmodifiable. */
    public SequencedMap<String, ProviderValue> values() {
        return values;
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    /** The value of {@code column}, or {@link ProviderValue.Null} when the row lacks the column. */
    public ProviderValue get(String column) {
        return values.getOrDefault(column, ProviderValue.nullValue());
    }

    /** Text of a text or integer cell; empty for NULL, BLOB or a missing column. */
    public Optional<String> text(String column) {
        return switch (get(column)) {
            case ProviderValue.Text text -> Optional.of(text.value());
            case ProviderValue.Int number -> Optional.of(Long.toString(number.value()));
            case ProviderValue.Null ignored -> Optional.empty();
            case ProviderValue.Blob ignored -> Optional.empty();
        };
    }

    /**
     * Integer cell, or a text cell holding a decimal integer (ContactsProvider's {@code dataN} columns are TEXT even
     * when they hold type codes); empty otherwise.
     */
    public OptionalLong integer(String column) {
        return switch (get(column)) {
            case ProviderValue.Int number -> OptionalLong.of(number.value());
            case ProviderValue.Text text -> parseLong(text.value());
            default -> OptionalLong.empty();
        };
    }

    /** A copy with {@code column} set (replaced in place, or appended). */
    public ProviderRow with(String column, ProviderValue value) {
        return toBuilder().put(column, value).build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        values.forEach(builder::put);
        return builder;
    }

    private static OptionalLong parseLong(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException notAnInteger) {
            return OptionalLong.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProviderRow row
                && List.copyOf(values.entrySet()).equals(List.copyOf(row.values.entrySet()));
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects cells in insertion order; a repeated column replaces the earlier value in place. */
    public static final class Builder {
        private final LinkedHashMap<String, ProviderValue> values = new LinkedHashMap<>();

        private Builder() {}

        public Builder put(String column, ProviderValue value) {
            if (column == null || column.isEmpty()) {
                throw new IllegalArgumentException("column name must not be empty");
            }
            values.put(column, Objects.requireNonNull(value, () -> "value of column " + column));
            return this;
        }

        public Builder put(String column, String text) {
            return put(column, text == null ? ProviderValue.nullValue() : ProviderValue.text(text));
        }

        public Builder put(String column, long number) {
            return put(column, ProviderValue.integer(number));
        }

        public Builder putAll(Map<String, ProviderValue> cells) {
            cells.forEach(this::put);
            return this;
        }

        public ProviderRow build() {
            return new ProviderRow(new LinkedHashMap<>(values));
        }
    }
}
