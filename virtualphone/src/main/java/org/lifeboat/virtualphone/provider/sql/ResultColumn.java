package org.lifeboat.virtualphone.provider.sql;

/**
 * One entry of a projection. Without an alias SQLite names an expression column by its source text
 * ({@code hex(body)}) and a plain column reference by the column's name.
 */
public record ResultColumn(String name, Expression expression, boolean star) {}
