package dev.tokenledger.legacy.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fixed mapping of the retired usage_logs columns onto request_logs. The compat endpoint, the
 * SQL translator, the data migration and the optional view all read it, so a change to the mapping
 * is a change here and nowhere else.
 *
 * <p>Token counts inside additional_details are whole JSON numbers written without a fraction (the
 * database's request_logs_details_valid constraint), so the casts below cannot fail.
 */
public enum UsageLogColumn {
    ID("id", Source.COLUMN, "id", SqlType.UUID),
    USER_ID("user_id", Source.COLUMN, "end_user", SqlType.TEXT),
    SESSION_ID("session_id", Source.DETAILS, "session_id", SqlType.TEXT),
    MODEL_NAME("model_name", Source.COLUMN, "model", SqlType.TEXT),
    INPUT_TOKENS("input_tokens", Source.DETAILS, "input_tokens", SqlType.BIGINT),
    OUTPUT_TOKENS("output_tokens", Source.DETAILS, "output_tokens", SqlType.BIGINT),
    TOTAL_TOKENS("total_tokens", Source.DETAILS, "total_tokens", SqlType.BIGINT),
    COST("cost", Source.COLUMN, "total_cost", SqlType.NUMERIC),
    CREATED_AT("created_at", Source.COLUMN, "created_at", SqlType.TIMESTAMPTZ),
    AUTH_METHOD("auth_method", Source.DETAILS, "auth_method", SqlType.TEXT);

    /** Where a legacy column lives in request_logs. */
    public enum Source {
        /** A column of request_logs. */
        COLUMN,
        /** A key of request_logs.additional_details. */
        DETAILS
    }

    /** The SQL type a legacy column reads as. */
    public enum SqlType {
        TEXT("text"),
        BIGINT("bigint"),
        NUMERIC("numeric"),
        TIMESTAMPTZ("timestamptz"),
        UUID("uuid");

        private final String sqlName;

        SqlType(String sqlName) {
            this.sqlName = sqlName;
        }

        public String sqlName() {
            return sqlName;
        }
    }

    private final String legacyName;
    private final Source source;
    private final String target;
    private final SqlType type;

    UsageLogColumn(String legacyName, Source source, String target, SqlType type) {
        this.legacyName = legacyName;
        this.source = source;
        this.target = target;
        this.type = type;
    }

    public String legacyName() {
        return legacyName;
    }

    public Source source() {
        return source;
    }

    /** The request_logs column, or the additional_details key. */
    public String target() {
        return target;
    }

    public SqlType type() {
        return type;
    }

    /**
     * The SQL expression reading this column from a request_logs row, e.g. {@code r.end_user} or
     * {@code (r.additional_details ->> 'input_tokens')::bigint}.
     *
     * @param alias the request_logs alias, or empty for none
     */
    public String readExpression(String alias) {
        String prefix = alias.isEmpty() ? "" : alias + ".";
        if (source == Source.COLUMN) {
            return prefix + target;
        }
        String text = prefix + "additional_details ->> '" + target + "'";
        return type == SqlType.TEXT ? "(" + text + ")" : "(" + text + ")::" + type.sqlName();
    }

    public static Optional<UsageLogColumn> byLegacyName(String name) {
        return Arrays.stream(values()).filter(c -> c.legacyName.equals(name)).findFirst();
    }
}
