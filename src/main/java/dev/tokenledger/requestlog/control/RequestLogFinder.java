package dev.tokenledger.requestlog.control;

import dev.tokenledger.platform.json.JsonText;
import dev.tokenledger.platform.problem.DatabaseRefusal;
import dev.tokenledger.requestlog.entity.PageCursor;
import dev.tokenledger.requestlog.entity.RequestLog;
import dev.tokenledger.requestlog.entity.RequestLogFilter;
import dev.tokenledger.requestlog.entity.RequestLogRecord;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernateHints;

/**
 * Reads request logs: one by id as an entity, or listings newest first with keyset pagination on
 * (created_at, id), so that a page deep into a large history costs the same as the first. The
 * caller's transaction must already carry the caller's identity: row-level security adds its own
 * filter under this one.
 */
@ApplicationScoped
public class RequestLogFinder {

    /**
     * Rows are only read here: Hibernate then keeps no snapshot to compare at commit, which for
     * JSONB values means no deep copy per row.
     */
    private static final Map<String, Object> READ_ONLY =
            Map.of(HibernateHints.HINT_READ_ONLY, true);

    @PersistenceContext(unitName = "tokenledger")
    EntityManager entityManager;

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    public Optional<RequestLog> find(UUID id) {
        return Optional.ofNullable(entityManager.find(RequestLog.class, id, READ_ONLY));
    }

    /**
     * Up to {@code limit} rows after the cursor, read with plain JDBC: a listing is answered
     * straight from the columns, the JSONB details passed through as text (no entity, no JSON parse
     * per row), in the caller's transaction like every other read.
     */
    public List<RequestLogRecord> list(
            RequestLogFilter filter, Optional<PageCursor> after, int limit) {
        StringBuilder sql =
                new StringBuilder(
                        "select id, request_id, created_at, end_user, model, total_cost, status,"
                                + " additional_details::text from request_logs where true");
        List<Object> parameters = new ArrayList<>();
        filter.endUser().ifPresent(user -> condition(sql, parameters, "end_user = ?", user));
        filter.from().ifPresent(from -> condition(sql, parameters, "created_at >= ?", utc(from)));
        filter.to().ifPresent(to -> condition(sql, parameters, "created_at < ?", utc(to)));
        filter.model().ifPresent(model -> condition(sql, parameters, "model = ?", model));
        filter.status().ifPresent(status -> condition(sql, parameters, "status = ?", status));
        filter.sessionId()
                .ifPresent(
                        session ->
                                condition(
                                        sql,
                                        parameters,
                                        "additional_details ->> 'session_id' = ?",
                                        session));
        after.ifPresent(
                cursor -> {
                    condition(
                            sql, parameters, "(created_at, id) < (?, ?)", utc(cursor.createdAt()));
                    parameters.add(cursor.id());
                });
        sql.append(" order by created_at desc, id desc limit ?");
        parameters.add(limit);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            return read(query);
        } catch (SQLException failed) {
            throw DatabaseRefusal.of(failed)
                    .orElseThrow(
                            () -> new IllegalStateException("listing request logs failed", failed));
        }
    }

    private static List<RequestLogRecord> read(PreparedStatement query) throws SQLException {
        List<RequestLogRecord> rows = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                rows.add(
                        new RequestLogRecord(
                                row.getObject(1, UUID.class),
                                row.getString(2),
                                row.getObject(3, OffsetDateTime.class).toInstant(),
                                row.getString(4),
                                row.getString(5),
                                row.getBigDecimal(6),
                                row.getString(7),
                                new JsonText(row.getString(8))));
            }
        }
        return rows;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void condition(
            StringBuilder sql, List<Object> parameters, String condition, Object value) {
        sql.append(" and ").append(condition);
        parameters.add(value);
    }
}
