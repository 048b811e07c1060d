package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tokenledger.ingest.entity.DeadLetter;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.platform.problem.DatabaseRefusal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Keeps dead letters set-wise, in the caller's transaction (so they commit or roll back with the
 * delivery's rows): one INSERT however many there are. A letter already kept (the same payload
 * delivered again) is skipped without reading the table, which gateways may not.
 */
@ApplicationScoped
public class DeadLetterWriter {

    private static final String INSERT =
            """
            insert into ingest_dead_letters (id, delivery_id, received_at, source, position, line,
                                             request_id, kind, reason, errors, payload)
            select id::uuid, delivery_id::uuid, received_at::timestamptz, source,
                   position::integer, line::integer, request_id, kind, reason, errors::jsonb,
                   payload::jsonb
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 as letter(id, delivery_id, received_at, source, position, line, request_id,
                           kind, reason, errors, payload)
            on conflict do nothing
            """;

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    // TODO(ingest): letters are kept until the service role deletes them; there is no
    // retention period yet, so a gateway sending bad payloads for months grows the table.
    public void insert(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            List<Function<DeadLetter, Object>> columns =
                    List.of(
                            DeadLetter::id,
                            DeadLetter::deliveryId,
                            DeadLetter::receivedAt,
                            DeadLetter::source,
                            DeadLetter::position,
                            DeadLetter::line,
                            DeadLetter::requestId,
                            letter -> letter.kind().wireName(),
                            DeadLetter::reason,
                            letter -> json(letter.errors()),
                            letter -> letter.payload() == null ? null : letter.payload().json());
            int column = 1;
            for (Function<DeadLetter, Object> value : columns) {
                insert.setArray(
                        column++,
                        connection.createArrayOf(
                                "text",
                                letters.stream()
                                        .map(value)
                                        .map(v -> Objects.toString(v, null))
                                        .toArray()));
            }
            insert.executeUpdate();
        } catch (SQLException failed) {
            throw DatabaseRefusal.of(failed)
                    .orElseThrow(
                            () -> new IllegalStateException("keeping dead letters failed", failed));
        }
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a list of violations always serialises", impossible);
        }
    }
}
