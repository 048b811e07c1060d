package dev.tokenledger.legacy.entity;

import java.util.List;

/**
 * One filter of a PostgREST request: a comparison on a usage_logs column, or an and/or group of
 * further conditions; either may be negated ({@code not.}).
 */
public sealed interface Condition {

    boolean negated();

    /** {@code column op value}; for {@link Operator#IN} the value is in {@code values} instead. */
    record Comparison(
            UsageLogColumn column,
            Operator operator,
            boolean negated,
            String value,
            List<String> values)
            implements Condition {

        public Comparison {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** All ({@code and}) or any ({@code or}) of the children. */
    record Group(boolean any, boolean negated, List<Condition> children) implements Condition {

        public Group {
            children = List.copyOf(children);
        }
    }
}
