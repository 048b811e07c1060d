package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.UsageLogsMigrationState;
import dev.tokenledger.legacy.entity.UsageLogsMigrationState.Phase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes usage_logs_migration rows on the caller's connection and transaction, so a batch
 * and its checkpoint commit together or not at all.
 */
final class UsageLogsMigrationStore {

    private static final String FIND =
            """
            select source_schema, phase, time_zone, pass, pass_started_at, rows_total, rows_done,
                   inserted, already_present, rejected, totals_filled, last_id,
                   session_started_at, session_rows_start, copied_at, updated_at, last_error,
                   verified_at, verification_passed, retired_table, finished_at, dropped_at
            from usage_logs_migration where source_schema = ?
            """;

    private static final String START_PASS =
            """
            insert into usage_logs_migration (source_schema, phase, time_zone, pass, rows_total)
            values (?, 'copying', ?, 1, ?)
            on conflict (source_schema) do update set
                phase = 'copying', time_zone = excluded.time_zone,
                pass = case when usage_logs_migration.phase in ('finished', 'dropped') then 1
                            else usage_logs_migration.pass + 1 end,
                pass_started_at = now(), rows_total = excluded.rows_total, rows_done = 0,
                inserted = 0, already_present = 0, rejected = 0, totals_filled = 0,
                last_id = null, session_started_at = now(), session_rows_start = 0,
                copied_at = now(), updated_at = now(), last_error = null, verified_at = null,
                verification_passed = null, retired_table = null, finished_at = null,
                dropped_at = null
            """;

    private static final String RESUME =
            """
            update usage_logs_migration
            set session_started_at = now(), session_rows_start = rows_done, copied_at = now(),
                updated_at = now(), last_error = null
            where source_schema = ?
            """;

    private static final String BATCH =
            """
            update usage_logs_migration
            set rows_done = rows_done + ?, rejected = rejected + ?, inserted = inserted + ?,
                already_present = already_present + ?, totals_filled = totals_filled + ?,
                last_id = coalesce(?, last_id), copied_at = now(), updated_at = now()
            where source_schema = ?
            """;

    private UsageLogsMigrationStore() {}

    static Optional<UsageLogsMigrationState> find(Connection connection, String schema)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setString(1, schema);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(state(row)) : Optional.empty();
            }
        }
    }

    /** Starts a pass from the first legacy row, with counters at zero. */
    static void startPass(Connection connection, String schema, String zone, long rowsTotal)
            throws SQLException {
        update(connection, START_PASS, schema, zone, rowsTotal);
    }

    /** A new process takes over an interrupted pass: its pace is measured from now. */
    static void resume(Connection connection, String schema) throws SQLException {
        update(connection, RESUME, schema);
    }

    static void recordBatch(Connection connection, String schema, CopiedBatch batch)
            throws SQLException {
        update(
                connection,
                BATCH,
                batch.read(),
                batch.rejected(),
                batch.inserted(),
                batch.alreadyPresent(),
                batch.filled(),
                batch.lastId(),
                schema);
    }

    static void passCopied(Connection connection, String schema) throws SQLException {
        update(
                connection,
                "update usage_logs_migration set phase = 'copied', updated_at = now()"
                        + " where source_schema = ?",
                schema);
    }

    static void verified(Connection connection, String schema, boolean passed) throws SQLException {
        update(
                connection,
                "update usage_logs_migration set verified_at = now(),"
                        + " verification_passed = ? where source_schema = ?",
                passed,
                schema);
    }

    static void failed(Connection connection, String schema, String error) throws SQLException {
        update(
                connection,
                "update usage_logs_migration set last_error = ?, updated_at = now()"
                        + " where source_schema = ?",
                error,
                schema);
    }

    static void finished(Connection connection, String schema, String retiredTable)
            throws SQLException {
        update(
                connection,
                "update usage_logs_migration set phase = 'finished',"
                        + " retired_table = ?, finished_at = now(), updated_at = now()"
                        + " where source_schema = ?",
                retiredTable,
                schema);
    }

    static void dropped(Connection connection, String schema) throws SQLException {
        update(
                connection,
                "update usage_logs_migration set phase = 'dropped',"
                        + " dropped_at = now(), updated_at = now() where source_schema = ?",
                schema);
    }

    private static void update(Connection connection, String sql, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static UsageLogsMigrationState state(ResultSet row) throws SQLException {
        return new UsageLogsMigrationState(
                row.getString(1),
                Phase.of(row.getString(2)),
                row.getString(3),
                row.getInt(4),
                instant(row, 5),
                row.getLong(6),
                row.getLong(7),
                row.getLong(8),
                row.getLong(9),
                row.getLong(10),
                row.getLong(11),
                row.getObject(12, UUID.class),
                instant(row, 13),
                row.getLong(14),
                instant(row, 15),
                instant(row, 16),
                row.getString(17),
                instant(row, 18),
                (Boolean) row.getObject(19),
                row.getString(20),
                instant(row, 21),
                instant(row, 22));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
