package org.lifeboat.virtualphone.provider.sql;

/** What an expression can see while it is evaluated: the current row's columns and the bound arguments. */
public interface Scope {
    /** The column's value; throws {@code no such column} when the row has none of that name. */
    Object value(String column);

    Affinity affinity(String column);

    /** The value bound to the n-th {@code ?} (0-based). */
    Object bind(int index);
}
