package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tokenledger.ingest.entity.DeadLetter;
import dev.tokenledger.ingest.entity.DeadLetterKind;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.platform.json.JsonText;
import dev.tokenledger.platform.problem.DatabaseRefusal;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.entity.PageCursor;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads and clears dead letters, newest first with keyset pagination on (received_at, id). Runs in
 * the caller's transaction; row-level security lets only the service role see any.
 */
@ApplicationScoped
public class DeadLetterFinder {

    private static final String COLUMNS =
            "id, delivery_id, received_at, source, position, line,"
                    + " request_id, kind, reason, errors::text, payload::text";

    private static final TypeReference<List<Violation>> VIOLATIONS = new TypeReference<>() {};

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    /** Up to {@code limit} letters after the cursor, optionally of one delivery or kind. */
    public List<DeadLetter> list(
            Optional<UUID> delivery,
            Optional<DeadLetterKind> kind,
            Optional<PageCursor> after,
            int limit) {
        StringBuilder sql =
                new StringBuilder("select " + COLUMNS + " from ingest_dead_letters where true");
        List<Object> parameters = new ArrayList<>();
        delivery.ifPresent(id -> condition(sql, parameters, "delivery_id = ?", id));
        kind.ifPresent(value -> condition(sql, parameters, "kind = ?", value.wireName()));
        after.ifPresent(
                cursor -> {
                    condition(
                            sql,
                            parameters,
                            "(received_at, id) < (?, ?)",
                            OffsetDateTime.ofInstant(cursor.createdAt(), ZoneOffset.UTC));
                    parameters.add(cursor.id());
                });
        sql.append(" order by received_at desc, id desc limit ?");
        parameters.add(limit);
        return query(sql.toString(), parameters);
    }

    public Optional<DeadLetter> find(UUID id) {
        return query("select " + COLUMNS + " from ingest_dead_letters where id = ?", List.of(id))
                .stream()
                .findFirst();
    }

    /** Whether a letter was there to delete. */
    public boolean delete(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement(
                                "delete from ingest_dead_letters where id = ?")) {
            delete.setObject(1, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException failed) {
            throw refusal(failed);
        }
    }

    private List<DeadLetter> query(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    letters.add(letter(rows));
                }
            }
            return letters;
        } catch (SQLException failed) {
            throw refusal(failed);
        }
    }

    private static DeadLetter letter(ResultSet row) throws SQLException {
        return new DeadLetter(
                row.getObject("id", UUID.class),
                row.getObject("delivery_id", UUID.class),
                row.getObject("received_at", OffsetDateTime.class).toInstant(),
                row.getString("source"),
                row.getInt("position"),
                row.getObject("line", Integer.class),
                row.getString("request_id"),
                DeadLetterKind.fromWire(row.getString("kind")).orElseThrow(),
                row.getString("reason"),
                parse(row.getString("errors"), VIOLATIONS),
                payload(row.getString("payload")));
    }

    /** As stored: jsonb may hold numbers longer than the JSON reader accepts. */
    private static JsonText payload(String json) {
        return json == null ? null : new JsonText(json);
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("a stored jsonb value did not parse", corrupt);
        }
    }

    private static void condition(
            StringBuilder sql, List<Object> parameters, String condition, Object value) {
        sql.append(" and ").append(condition);
        parameters.add(value);
    }

    private static RuntimeException refusal(SQLException failed) {
        return DatabaseRefusal.of(failed)
                .orElseThrow(
                        () -> new IllegalStateException("reading dead letters failed", failed));
    }
}
