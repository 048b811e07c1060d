package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.Condition;
import dev.tokenledger.legacy.entity.UsageLogColumn;
import dev.tokenledger.legacy.entity.UsageLogPage;
import dev.tokenledger.legacy.entity.UsageLogQuery;
import dev.tokenledger.legacy.entity.UsageLogRow;
import dev.tokenledger.platform.problem.DatabaseRefusal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Runs usage_logs statements on request_logs in the caller's transaction, so row-level security
 * filters every one of them as well.
 */
@ApplicationScoped
public class UsageLogStore {

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    /** A page and, when the query asks, the total; both from one statement where possible. */
    public UsageLogPage page(UsageLogQuery query) {
        if (query.limit() == 0) {
            return new UsageLogPage(
                    List.of(),
                    query.count() ? OptionalLong.of(count(query.filters())) : OptionalLong.empty());
        }
        long[] total = {-1};
        List<UsageLogRow> rows = read(UsageLogSql.select(query), query.count() ? total : null);
        if (!query.count()) {
            return new UsageLogPage(rows, OptionalLong.empty());
        }
        // An empty page (an offset past the end) carries no total; only then count apart.
        return new UsageLogPage(
                rows, OptionalLong.of(rows.isEmpty() ? count(query.filters()) : total[0]));
    }

    public long count(List<Condition> filters) {
        SqlStatement count = UsageLogSql.count(filters);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, count);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException failed) {
            throw refusal(failed);
        }
    }

    /** The rows with these ids, in the order of the ids. */
    public List<UsageLogRow> byIds(List<UUID> ids) {
        Map<Object, UsageLogRow> found = new HashMap<>();
        rows(UsageLogSql.byIds(ids)).forEach(row -> found.put(row.get(UsageLogColumn.ID), row));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Runs a statement that returns usage_logs rows (a select, or a returning update). */
    public List<UsageLogRow> rows(SqlStatement sql) {
        return read(sql, null);
    }

    private List<UsageLogRow> read(SqlStatement sql, long[] total) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql);
                ResultSet rows = statement.executeQuery()) {
            List<UsageLogRow> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row(rows));
                if (total != null) {
                    total[0] = rows.getLong("total");
                }
            }
            return result;
        } catch (SQLException failed) {
            throw refusal(failed);
        }
    }

    private static PreparedStatement prepare(Connection connection, SqlStatement sql)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.sql());
        List<Object> parameters = sql.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof String[] array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private static UsageLogRow row(ResultSet rows) throws SQLException {
        Map<UsageLogColumn, Object> values = new EnumMap<>(UsageLogColumn.class);
        for (UsageLogColumn column : UsageLogColumn.values()) {
            String label = column.legacyName();
            Object value =
                    switch (column.type()) {
                        case TEXT -> rows.getString(label);
                        case BIGINT -> rows.getObject(label, Long.class);
                        case NUMERIC -> rows.getBigDecimal(label);
                        case TIMESTAMPTZ -> rows.getObject(label, OffsetDateTime.class).toInstant();
                        case UUID -> rows.getObject(label, UUID.class);
                    };
            values.put(column, value);
        }
        return new UsageLogRow(values);
    }

    /**
     * A statement the database refused for the caller's data (a broken constraint, a
     * row-level-security refusal) is the caller's error; anything else is ours.
     */
    private static RuntimeException refusal(SQLException failed) {
        String state = failed.getSQLState() == null ? "" : failed.getSQLState();
        if (state.startsWith("22") || state.startsWith("23")) {
            return new PostgrestError(
                    400,
                    state,
                    firstLine(failed.getMessage()).replace("\"request_logs\"", "\"usage_logs\""),
                    null,
                    null);
        }
        return DatabaseRefusal.of(failed)
                .map(RuntimeException.class::cast)
                .orElseGet(() -> new IllegalStateException("usage_logs statement failed", failed));
    }

    private static String firstLine(String message) {
        String text = message == null ? "The database refused the values." : message;
        text = text.startsWith("ERROR: ") ? text.substring(7) : text;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
