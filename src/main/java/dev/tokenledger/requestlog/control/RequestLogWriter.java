package dev.tokenledger.requestlog.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.platform.problem.DatabaseRefusal;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import dev.tokenledger.requestlog.entity.RequestLogRow;
import dev.tokenledger.requestlog.entity.WriteOutcome;
import dev.tokenledger.requestlog.entity.WriteOutcome.Result;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Writes rows set-wise, in the caller's transaction: one INSERT over unnested arrays however many
 * rows there are, skipping request_ids already stored (ON CONFLICT without a target, which needs no
 * SELECT right on the table), then one lookup that tells each skipped row's retry (same content)
 * from a conflict (different content). Neither statement reads rows back, so callers without read
 * rights (anonymous, gateways) can use it under row-level security. Rows may repeat a request_id (a
 * gateway resending within a delivery, concurrent retries sharing a group commit): the first is
 * written, and every row is answered by comparing its own content with the row stored.
 */
@ApplicationScoped
public class RequestLogWriter {

    private static final String INSERT =
            """
            insert into request_logs (id, request_id, created_at, end_user, model, total_cost,
                                      status, additional_details, content_hash, request_scope)
            select id::uuid, request_id, created_at::timestamptz, end_user, model,
                   total_cost::numeric, status, details::jsonb, decode(content_hash, 'hex'),
                   request_scope
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[])
                 as row(id, request_id, created_at, end_user, model, total_cost, status,
                        details, content_hash, request_scope)
            on conflict do nothing
            """;

    /**
     * Hashes travel as hex text: the driver cannot bind an array of byte arrays. Each answer names
     * the position of the row it was asked for, as one request_id may be asked with two contents.
     */
    private static final String DUPLICATES =
            """
            select asked_position, id, same_content
            from request_log_duplicates(?::text[], array(
                select decode(hash, 'hex') from unnest(?::text[]) with ordinality as h(hash, n)
                order by n), ?)
            """;

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource dataSource;

    /**
     * One outcome per row, in the order given. Rows are written in request_id order, so concurrent
     * batches sharing ids take the unique index's locks in the same order and cannot deadlock.
     */
    public List<WriteOutcome> insert(List<RequestLogRow> rows) {
        try (Connection connection = dataSource.getConnection()) {
            return insert(connection, rows);
        } catch (SQLException failed) {
            throw DatabaseRefusal.of(failed)
                    .orElseThrow(
                            () -> new IllegalStateException("writing request logs failed", failed));
        }
    }

    /**
     * What a tolerant write stored: one outcome per row, {@code REFUSED} for a row the database
     * would not take, whose reason is kept by the row's id.
     */
    public record Tolerated(List<WriteOutcome> outcomes, Map<UUID, String> refusals) {}

    /**
     * Like {@link #insert(List)}, but a row the database refuses (a constraint, a data error, a
     * row-level-security check) is left out with its reason instead of failing the others: the
     * whole set is tried under a savepoint, and if the database refuses it, each row on its own.
     */
    public Tolerated insertTolerating(List<RequestLogRow> rows) {
        try (Connection connection = dataSource.getConnection()) {
            savepoint(connection, "SAVEPOINT tolerant_write");
            try {
                List<WriteOutcome> outcomes = insert(connection, rows);
                savepoint(connection, "RELEASE SAVEPOINT tolerant_write");
                return new Tolerated(outcomes, Map.of());
            } catch (SQLException refused) {
                if (!rowRefusal(refused)) {
                    throw refused;
                }
                savepoint(connection, "ROLLBACK TO SAVEPOINT tolerant_write");
            }
            return oneByOne(connection, rows);
        } catch (SQLException failed) {
            throw DatabaseRefusal.of(failed)
                    .orElseThrow(
                            () -> new IllegalStateException("writing request logs failed", failed));
        }
    }

    private Tolerated oneByOne(Connection connection, List<RequestLogRow> rows)
            throws SQLException {
        List<WriteOutcome> outcomes = new ArrayList<>(rows.size());
        Map<UUID, String> refusals = new HashMap<>();
        for (RequestLogRow row : rows) {
            savepoint(connection, "SAVEPOINT tolerant_row");
            try {
                outcomes.add(insert(connection, List.of(row)).get(0));
                savepoint(connection, "RELEASE SAVEPOINT tolerant_row");
            } catch (SQLException refused) {
                if (!rowRefusal(refused)) {
                    throw refused;
                }
                savepoint(connection, "ROLLBACK TO SAVEPOINT tolerant_row");
                outcomes.add(new WriteOutcome(row.id(), row.content().requestId(), Result.REFUSED));
                refusals.put(row.id(), firstLine(refused.getMessage()));
            }
        }
        return new Tolerated(outcomes, refusals);
    }

    /**
     * Savepoints as plain SQL: the server's connection pool forbids the JDBC savepoint calls inside
     * a container-managed transaction, though PostgreSQL supports them there.
     */
    private static void savepoint(Connection connection, String command) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(command);
        }
    }

    /** Data exceptions, constraint violations and row-level-security refusals: one row's fault. */
    private static boolean rowRefusal(SQLException failed) {
        String state = failed.getSQLState() == null ? "" : failed.getSQLState();
        return state.startsWith("22") || state.startsWith("23") || state.equals("42501");
    }

    private static String firstLine(String message) {
        String text = message == null ? "refused" : message.replaceFirst("^ERROR: ", "");
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /**
     * The same on a connection whose transaction the caller manages and which already acts for the
     * rows' caller (so all rows share one request_id namespace).
     */
    public List<WriteOutcome> insert(Connection connection, List<RequestLogRow> rows)
            throws SQLException {
        insertAll(connection, firstOfEachKeyInKeyOrder(rows));
        List<RequestLogRow> keyed =
                rows.stream().filter(row -> row.content().requestId() != null).toList();
        List<StoredKey> stored = storedKeys(connection, keyed);

        List<WriteOutcome> outcomes = new ArrayList<>(rows.size());
        int asked = 0;
        for (RequestLogRow row : rows) {
            outcomes.add(
                    row.content().requestId() == null
                            ? new WriteOutcome(row.id(), null, Result.CREATED)
                            : outcome(row, stored.get(asked++)));
        }
        return outcomes;
    }

    /**
     * Only the first row of a request_id is offered to the INSERT, so the row kept is the first one
     * sent whatever order the statement happens to insert its rows in.
     */
    private static List<RequestLogRow> firstOfEachKeyInKeyOrder(List<RequestLogRow> rows) {
        Set<String> seen = new HashSet<>();
        List<RequestLogRow> firsts = new ArrayList<>(rows.size());
        for (RequestLogRow row : rows) {
            String key = row.content().requestId();
            if (key == null || seen.add(key)) {
                firsts.add(row);
            }
        }
        firsts.sort(
                Comparator.comparing(
                        row -> row.content().requestId(),
                        Comparator.nullsLast(Comparator.naturalOrder())));
        return firsts;
    }

    private static void insertAll(Connection connection, List<RequestLogRow> rows)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, column(connection, rows, row -> row.id().toString()));
            insert.setArray(2, column(connection, rows, row -> row.content().requestId()));
            insert.setArray(
                    3, column(connection, rows, row -> row.content().createdAt().toString()));
            insert.setArray(4, column(connection, rows, row -> row.content().endUser()));
            insert.setArray(5, column(connection, rows, row -> row.content().model()));
            insert.setArray(6, column(connection, rows, row -> cost(row.content())));
            insert.setArray(7, column(connection, rows, row -> row.content().status()));
            insert.setArray(8, column(connection, rows, row -> details(row.content())));
            insert.setArray(9, column(connection, rows, RequestLogWriter::hexHash));
            insert.setArray(10, column(connection, rows, RequestLogRow::requestScope));
            insert.executeUpdate();
        }
    }

    /** What is stored under each keyed row's request_id, in the rows' order. */
    private List<StoredKey> storedKeys(Connection connection, List<RequestLogRow> keyed)
            throws SQLException {
        if (keyed.isEmpty()) {
            return List.of();
        }
        StoredKey[] stored = new StoredKey[keyed.size()];
        try (PreparedStatement lookup = connection.prepareStatement(DUPLICATES)) {
            lookup.setArray(1, column(connection, keyed, row -> row.content().requestId()));
            lookup.setArray(2, column(connection, keyed, RequestLogWriter::hexHash));
            // One call writes for one caller, so its keyed rows share one namespace.
            lookup.setString(3, keyed.get(0).requestScope());
            try (ResultSet found = lookup.executeQuery()) {
                while (found.next()) {
                    stored[Math.toIntExact(found.getLong(1)) - 1] =
                            new StoredKey(found.getObject(2, UUID.class), found.getBoolean(3));
                }
            }
        }
        return Arrays.asList(stored);
    }

    private static WriteOutcome outcome(RequestLogRow row, StoredKey stored) {
        String requestId = row.content().requestId();
        if (stored == null) {
            throw new IllegalStateException("request_id " + requestId + " vanished while writing");
        }
        if (stored.id().equals(row.id())) {
            return new WriteOutcome(row.id(), requestId, Result.CREATED);
        }
        return new WriteOutcome(
                stored.id(), requestId, stored.sameContent() ? Result.DUPLICATE : Result.CONFLICT);
    }

    private static Array column(
            Connection connection, List<RequestLogRow> rows, Function<RequestLogRow, String> value)
            throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(value).toArray());
    }

    private static String hexHash(RequestLogRow row) {
        return row.contentHash() == null ? null : HexFormat.of().formatHex(row.contentHash());
    }

    private static String cost(RequestLogDraft content) {
        return content.totalCost() == null ? null : content.totalCost().toPlainString();
    }

    private static String details(RequestLogDraft content) {
        return content.additionalDetails().read(RequestLogWriter::text);
    }

    private static String text(JsonNode json) {
        try {
            return Json.mapper().writeValueAsString(json);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a JSON tree always serialises", impossible);
        }
    }

    private record StoredKey(UUID id, boolean sameContent) {}
}
