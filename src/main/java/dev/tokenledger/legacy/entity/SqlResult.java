package dev.tokenledger.legacy.entity;

import java.util.List;

/**
 * The rows of an executed translation: one list of values per row, in column order (labels may
 * repeat, as {@code SUM(a), SUM(b)} are both "sum"), and whether the row limit cut it short.
 */
public record SqlResult(List<String> columns, List<List<Object>> rows, boolean truncated) {

    public SqlResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
