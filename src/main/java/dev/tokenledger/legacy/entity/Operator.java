package dev.tokenledger.legacy.entity;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The PostgREST filter operators the usage_logs compatibility understands. */
public enum Operator {
    EQ("eq", "="),
    NEQ("neq", "<>"),
    GT("gt", ">"),
    GTE("gte", ">="),
    LT("lt", "<"),
    LTE("lte", "<="),
    LIKE("like", "like"),
    ILIKE("ilike", "ilike"),
    IS("is", "is"),
    ISDISTINCT("isdistinct", "is distinct from"),
    IN("in", "in");

    /** PostgREST operators that exist but that usage_logs never needed; refused with a hint. */
    public static final Set<String> UNSUPPORTED =
            Set.of(
                    "match", "imatch", "fts", "plfts", "phfts", "wfts", "cs", "cd", "ov", "sl",
                    "sr", "nxr", "nxl", "adj", "all", "any");

    private final String wireName;
    private final String sql;

    Operator(String wireName, String sql) {
        this.wireName = wireName;
        this.sql = sql;
    }

    public String wireName() {
        return wireName;
    }

    /** The SQL operator, for the ones that are a plain binary comparison. */
    public String sql() {
        return sql;
    }

    public boolean isPattern() {
        return this == LIKE || this == ILIKE;
    }

    public static Optional<Operator> byWireName(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Operator::wireName).toList());
    }
}
