package dev.tokenledger.legacy.entity;

import java.util.List;

/**
 * A usage_logs SELECT rewritten over request_logs.
 *
 * @param sql the translation with {@code $1, $2...} placeholders, for people to read and copy
 * @param jdbcSql the same statement with {@code ?} placeholders, as it is executed
 * @param parameters the literals, in placeholder order
 * @param columns the labels of the result columns, the old names where a column is selected
 */
public record TranslatedQuery(
        String sql, String jdbcSql, List<SqlParameter> parameters, List<String> columns) {

    public TranslatedQuery {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
    }
}
