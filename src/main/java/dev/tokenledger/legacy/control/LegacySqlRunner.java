package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.SqlParameter;
import dev.tokenledger.legacy.entity.SqlResult;
import dev.tokenledger.legacy.entity.TranslatedQuery;
import dev.tokenledger.platform.problem.DatabaseRefusal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs a translated query in the caller's transaction, which row-level security already filters:
 * read-only, with a statement timeout and the time zone UTC set for this transaction alone
 * (usage_logs stored UTC, so '2025-05-01' and date_trunc('day', ...) mean UTC days), and at most a
 * page of rows.
 */
@ApplicationScoped
public class LegacySqlRunner {

    private static final String SETTINGS =
            "select set_config('statement_timeout', ?, true),"
                    + " set_config('TimeZone', 'UTC', true),"
                    + " set_config('transaction_read_only', 'on', true)";

    /** The most an answer may hold, in characters of its values; larger ones are refused. */
    static final long MAX_RESULT_CHARS = 4_000_000;

    private static final int FETCH_ROWS = 50;

    /** SQLSTATE classes that mean the query itself is wrong, not the server. */
    private static final Set<String> QUERY_ERRORS = Set.of("42", "22", "0A", "54", "21");

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    public SqlResult run(TranslatedQuery query, int maxRows, int timeoutMillis) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement settings = connection.prepareStatement(SETTINGS)) {
                settings.setString(1, timeoutMillis + "ms");
                settings.execute();
            }
            try (PreparedStatement statement = connection.prepareStatement(query.jdbcSql())) {
                bind(statement, query.parameters());
                statement.setMaxRows(maxRows + 1);
                // Rows arrive in small fetches (the transaction keeps the cursor open), so a
                // result too large to answer is stopped before it fills the heap.
                statement.setFetchSize(FETCH_ROWS);
                try (ResultSet rows = statement.executeQuery()) {
                    return read(rows, maxRows);
                }
            }
        } catch (SQLException failed) {
            throw refusal(failed);
        }
    }

    private static void bind(PreparedStatement statement, List<SqlParameter> parameters)
            throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            SqlParameter parameter = parameters.get(i);
            if (parameter.type().equals("unknown")) {
                // Untyped, like the quoted literal it was: PostgreSQL types it from its use.
                statement.setObject(i + 1, parameter.value(), Types.OTHER);
            } else {
                statement.setObject(i + 1, parameter.value());
            }
        }
    }

    private static SqlResult read(ResultSet rows, int maxRows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> result = new ArrayList<>();
        boolean truncated = false;
        long chars = 0;
        while (rows.next()) {
            if (result.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                Object value = value(rows, i, meta.getColumnTypeName(i));
                chars += value == null ? 4 : String.valueOf(value).length();
                row.add(value);
            }
            if (chars > MAX_RESULT_CHARS) {
                throw SqlRefusal.failed(
                        "The result is larger than "
                                + MAX_RESULT_CHARS
                                + " characters; select fewer or shorter columns, or fewer rows.");
            }
            result.add(row);
        }
        return new SqlResult(columns, result, truncated);
    }

    /** JSON-ready values: numbers stay numbers (numeric exact), times ISO-8601 text. */
    private static Object value(ResultSet rows, int index, String type) throws SQLException {
        Object value =
                switch (type) {
                    case "timestamptz" -> {
                        OffsetDateTime time = rows.getObject(index, OffsetDateTime.class);
                        yield time == null ? null : UsageLogJson.time(time.toInstant());
                    }
                    case "timestamp" -> {
                        LocalDateTime time = rows.getObject(index, LocalDateTime.class);
                        yield time == null ? null : time.toString();
                    }
                    case "date" -> {
                        LocalDate date = rows.getObject(index, LocalDate.class);
                        yield date == null ? null : date.toString();
                    }
                    case "numeric" -> number(rows.getString(index));
                    case "int2", "int4" -> rows.getInt(index);
                    case "int8" -> rows.getLong(index);
                    case "float4", "float8" -> rows.getDouble(index);
                    case "bool" -> rows.getBoolean(index);
                    default -> rows.getString(index);
                };
        return rows.wasNull() ? null : value;
    }

    /**
     * PostgreSQL's numeric as JSON: an exact number, or PostgreSQL's own text for NaN and the
     * infinities, which JSON numbers cannot be.
     */
    private static Object number(String text) {
        if (text == null) {
            return null;
        }
        return Character.isDigit(text.charAt(text.length() - 1)) ? new BigDecimal(text) : text;
    }

    private static RuntimeException refusal(SQLException failed) {
        String state = failed.getSQLState() == null ? "" : failed.getSQLState();
        if (state.length() == 5 && QUERY_ERRORS.contains(state.substring(0, 2))) {
            return SqlRefusal.failed(
                    "PostgreSQL refused the translated query (SQLSTATE "
                            + state
                            + "): "
                            + firstLine(failed.getMessage()));
        }
        return DatabaseRefusal.of(failed)
                .map(RuntimeException.class::cast)
                .orElseGet(() -> new IllegalStateException("legacy SQL failed", failed));
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.replaceFirst("^ERROR: ", "");
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
