package org.lifeboat.virtualphone.provider.sql;

import java.util.List;

/** An ORDER BY list and the LIMIT/OFFSET that may trail it (a negative limit means none). */
public record OrderBy(List<Term> terms, long limit, long offset) {
    public record Term(Expression expression, boolean descending) {}
}
