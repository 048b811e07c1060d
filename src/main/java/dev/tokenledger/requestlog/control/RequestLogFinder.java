package dev.tokenledger.requestlog.control;

import dev.tokenledger.requestlog.entity.PageCursor;
import dev.tokenledger.requestlog.entity.RequestLog;
import dev.tokenledger.requestlog.entity.RequestLogFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads request logs, newest first with keyset pagination on (created_at, id), so that a page
 * deep into a large history costs the same as the first. The caller's transaction must already
 * carry the caller's identity: row-level security adds its own filter under this one.
 */
@ApplicationScoped
public class RequestLogFinder {

    @PersistenceContext(unitName = "tokenledger")
    EntityManager entityManager;

    public Optional<RequestLog> find(UUID id) {
        return Optional.ofNullable(entityManager.find(RequestLog.class, id));
    }

    /** Up to {@code limit} rows after the cursor. */
    public List<RequestLog> list(RequestLogFilter filter, Optional<PageCursor> after, int limit) {
        StringBuilder sql = new StringBuilder("select * from request_logs where true");
        List<Object> parameters = new ArrayList<>();
        filter.endUser().ifPresent(user -> condition(sql, parameters, "end_user = ?", user));
        filter.from().ifPresent(from -> condition(sql, parameters, "created_at >= ?", from));
        filter.to().ifPresent(to -> condition(sql, parameters, "created_at < ?", to));
        filter.model().ifPresent(model -> condition(sql, parameters, "model = ?", model));
        filter.status().ifPresent(status -> condition(sql, parameters, "status = ?", status));
        filter.sessionId().ifPresent(session ->
                condition(sql, parameters, "additional_details ->> 'session_id' = ?", session));
        after.ifPresent(cursor -> {
            condition(sql, parameters, "(created_at, id) < (?, ?)", cursor.createdAt());
            parameters.add(cursor.id());
        });
        sql.append(" order by created_at desc, id desc limit ?");
        parameters.add(limit);

        Query query = entityManager.createNativeQuery(sql.toString(), RequestLog.class);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<RequestLog> rows = query.getResultList();
        return rows;
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String condition,
            Object value) {
        sql.append(" and ").append(condition);
        parameters.add(value);
    }
}
