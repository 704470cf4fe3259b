package org.lifeboat.virtualphone.provider.sql;

/** A column of a table or view, with the affinity its declared type gives it. */
public record Column(String name, Affinity affinity) {}
