package dev.tokenledger.legacy.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * SQL text with {@code ?} placeholders and the values bound to them, in order. A value may be null
 * (a PATCH clearing a column), so the copy is one that keeps nulls.
 */
public record SqlStatement(String sql, List<Object> parameters) {

    public SqlStatement {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }
}
