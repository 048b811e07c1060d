package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.control.UsageLogsCatalog.Relation;
import dev.tokenledger.legacy.entity.MigrationTarget;
import dev.tokenledger.legacy.entity.UsageLogsComparison;
import dev.tokenledger.legacy.entity.UsageLogsDryRun;
import dev.tokenledger.legacy.entity.UsageLogsMigrationException;
import dev.tokenledger.legacy.entity.UsageLogsMigrationOptions;
import dev.tokenledger.legacy.entity.UsageLogsMigrationState;
import dev.tokenledger.legacy.entity.UsageLogsMigrationState.Phase;
import dev.tokenledger.legacy.entity.UsageLogsMigrationStatus;
import dev.tokenledger.legacy.entity.UsageLogsSource;
import dev.tokenledger.legacy.entity.UsageLogsVerification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Carries a legacy usage_logs table into request_logs: status, dry run, run, verification. The REST
 * boundary and the command line both drive this class, over connections as the schema owner; {@link
 * UsageLogsRetirer} renames and drops the legacy table afterwards.
 */
public final class UsageLogsMigration {

    private static final Logger LOG = Logger.getLogger(UsageLogsMigration.class);

    private final MigrationConnections connections;

    public UsageLogsMigration(MigrationConnections connections) {
        this.connections = connections;
    }

    public UsageLogsMigrationStatus status(String schema) throws SQLException {
        try (Connection connection = connections.open()) {
            requireSchema(connection);
            Relation relation =
                    UsageLogsCatalog.relation(connection, schema, UsageLogsSource.TABLE);
            boolean running = UsageLogsMigrationLock.holder(connection) != 0;
            Optional<UsageLogsMigrationState> found =
                    UsageLogsMigrationStore.find(connection, schema);
            String source = schema + "." + UsageLogsSource.TABLE;
            String table = relation.name().toLowerCase(Locale.ROOT);
            if (found.isEmpty()) {
                return UsageLogsMigrationStatus.untouched(source, table, running);
            }
            UsageLogsMigrationState state = found.get();
            return new UsageLogsMigrationStatus(
                    source,
                    table,
                    running,
                    state.phase().sqlName(),
                    state.timeZone(),
                    state.pass(),
                    state.progress(),
                    state.inserted(),
                    state.alreadyPresent(),
                    state.rejected(),
                    state.totalsFilled(),
                    state.lastError(),
                    state.verifiedAt(),
                    state.verificationPassed(),
                    state.retiredTable() == null ? null : schema + "." + state.retiredTable(),
                    state.finishedAt(),
                    state.droppedAt(),
                    state.updatedAt());
        }
    }

    /** Reports what a run would do, in a read-only transaction. */
    public UsageLogsDryRun dryRun(UsageLogsMigrationOptions options) throws SQLException {
        try (Connection connection = connections.open()) {
            MigrationConnections.begin(connection, true);
            try {
                MigrationTarget target = requireSchema(connection);
                Optional<UsageLogsMigrationState> state =
                        UsageLogsMigrationStore.find(connection, options.schema());
                UsageLogsSource source = legacyTable(connection, options.schema(), state);
                ZoneId zone = zone(options, state);
                String role = currentRole(connection);
                List<String> problems = UsageLogsShape.problems(source, role);

                UsageLogsComparison comparison =
                        problems.isEmpty()
                                ? UsageLogsComparer.compare(
                                        connection,
                                        new UsageLogsSql(source, target, zone),
                                        options.listLimit())
                                : null;
                LOG.infof(
                        "usage_logs dry run of %s: %s",
                        source.displayName(),
                        comparison == null ? problems.size() + " problems" : counts(comparison));
                return new UsageLogsDryRun(
                        source.displayName(),
                        zone.getId(),
                        source.columns(),
                        problems.isEmpty(),
                        problems,
                        UsageLogsShape.warnings(source, role),
                        comparison);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Takes the migration lock and prepares a pass: a new one from the first row, or the
     * interrupted one from its checkpoint. The caller runs it with {@link UsageLogsRun#execute} (on
     * any thread), which frees the lock.
     */
    public UsageLogsRun begin(UsageLogsMigrationOptions options) throws SQLException {
        LockedConnection locked = LockedConnection.open(connections);
        try {
            Connection connection = locked.get();
            MigrationConnections.begin(connection, false);
            Prepared prepared = prepare(connection, options, false);
            String schema = options.schema();

            if (prepared.state().filter(s -> s.phase() == Phase.COPYING).isPresent()) {
                UsageLogsMigrationStore.resume(connection, schema);
            } else {
                UsageLogsMigrationStore.startPass(
                        connection,
                        schema,
                        prepared.sql().zone().getId(),
                        UsageLogsComparer.count(connection, prepared.sql()));
            }
            UsageLogsMigrationState started =
                    UsageLogsMigrationStore.find(connection, schema).orElseThrow();
            connection.commit();
            return new UsageLogsRun(locked, connections, prepared.sql(), options, started);
        } catch (SQLException | RuntimeException refused) {
            locked.close();
            throw refused;
        }
    }

    /** Checks every legacy id against request_logs and records the outcome. */
    public UsageLogsVerification verify(UsageLogsMigrationOptions options) throws SQLException {
        try (LockedConnection locked = LockedConnection.open(connections)) {
            Connection connection = locked.get();
            MigrationConnections.begin(connection, true);
            Prepared prepared = prepare(connection, options, true);
            connection.commit();

            UsageLogsVerification verification =
                    compare(connection, prepared.sql(), options.listLimit());
            if (prepared.state().isPresent()) {
                MigrationConnections.begin(connection, false);
                UsageLogsMigrationStore.verified(
                        connection, options.schema(), verification.passed());
                connection.commit();
            }
            logVerification(options.schema(), verification);
            return verification;
        }
    }

    /** Where a step stands: the target, the state, the legacy rows and how to read them. */
    record Prepared(
            MigrationTarget target,
            Optional<UsageLogsMigrationState> state,
            UsageLogsSource source,
            UsageLogsSql sql) {}

    /**
     * Reads what a step needs, refusing a legacy table that cannot be read as mapped.
     *
     * @param retiredToo whether a table already renamed by finishing counts as the legacy table
     */
    static Prepared prepare(
            Connection connection, UsageLogsMigrationOptions options, boolean retiredToo)
            throws SQLException {
        MigrationTarget target = requireSchema(connection);
        Optional<UsageLogsMigrationState> state =
                UsageLogsMigrationStore.find(connection, options.schema());
        UsageLogsSource source =
                retiredToo && state.filter(s -> s.phase() == Phase.FINISHED).isPresent()
                        ? retiredTable(connection, state.get())
                        : legacyTable(connection, options.schema(), state);
        List<String> problems = UsageLogsShape.problems(source, currentRole(connection));
        if (!problems.isEmpty()) {
            throw UsageLogsMigrationException.conflict(
                    "The legacy table cannot be read as"
                            + " mapped: "
                            + String.join(" ", problems));
        }
        return new Prepared(
                target, state, source, new UsageLogsSql(source, target, zone(options, state)));
    }

    /** The per-key comparison as a verification, in its own transaction. */
    static UsageLogsVerification compare(Connection connection, UsageLogsSql sql, int listLimit)
            throws SQLException {
        MigrationConnections.begin(connection, true);
        UsageLogsVerification verification = compareInTransaction(connection, sql, listLimit);
        connection.commit();
        return verification;
    }

    /** The per-key comparison as a verification, in the caller's transaction. */
    static UsageLogsVerification compareInTransaction(
            Connection connection, UsageLogsSql sql, int listLimit) throws SQLException {
        long began = System.nanoTime();
        UsageLogsComparison comparison = UsageLogsComparer.compare(connection, sql, listLimit);
        double seconds = Math.round((System.nanoTime() - began) / 1e8) / 10.0;
        return new UsageLogsVerification(
                sql.sourceName(),
                sql.zone().getId(),
                comparison.complete(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                seconds,
                comparison);
    }

    static void logVerification(String schema, UsageLogsVerification verification) {
        UsageLogsComparison result = verification.comparison();
        if (verification.passed()) {
            LOG.infof(
                    "usage_logs verification of %s passed in %.1f s: all %d rows in"
                            + " request_logs with equal values",
                    schema, verification.seconds(), result.rows());
        } else {
            LOG.warnf(
                    "usage_logs verification of %s failed in %.1f s: %s",
                    schema, verification.seconds(), counts(result));
        }
    }

    /** Best effort: the database may be what failed. */
    static void recordFailure(MigrationConnections connections, String schema, String reason) {
        try (Connection connection = connections.open()) {
            UsageLogsMigrationStore.failed(connection, schema, reason);
        } catch (SQLException unreachable) {
            LOG.debugf(
                    "could not record the failure of the usage_logs migration: %s",
                    unreachable.getMessage());
        }
    }

    static String counts(UsageLogsComparison result) {
        return result.rows()
                + " rows: "
                + result.migrated()
                + " migrated, "
                + result.pending()
                + " pending, "
                + result.rejected()
                + " rejected, "
                + result.conflicts()
                + " conflicting, "
                + result.totalsFilled()
                + " totals filled";
    }

    /** request_logs, and the bookkeeping table, both created by the server's schema migrations. */
    static MigrationTarget requireSchema(Connection connection) throws SQLException {
        MigrationTarget target = UsageLogsCatalog.target(connection);
        if (!UsageLogsCatalog.exists(connection, "usage_logs_migration")) {
            throw UsageLogsMigrationException.notFound(
                    "This database's schema predates the usage_logs migration; start this version"
                            + " of Token Ledger against it once, so it migrates the schema.");
        }
        return target;
    }

    static UsageLogsSource legacyTable(
            Connection connection, String schema, Optional<UsageLogsMigrationState> state)
            throws SQLException {
        Optional<UsageLogsSource> table =
                UsageLogsCatalog.source(connection, schema, UsageLogsSource.TABLE);
        if (table.isPresent()) {
            return table.get();
        }
        String name = schema + "." + UsageLogsSource.TABLE;
        if (state.filter(s -> s.phase() == Phase.FINISHED || s.phase() == Phase.DROPPED)
                .isPresent()) {
            throw UsageLogsMigrationException.conflict(
                    "The migration of "
                            + name
                            + " is already "
                            + state.get().phase().sqlName()
                            + "; there is no legacy"
                            + " table left to migrate.");
        }
        throw UsageLogsMigrationException.notFound("There is no table " + name + " to migrate.");
    }

    private static UsageLogsSource retiredTable(
            Connection connection, UsageLogsMigrationState state) throws SQLException {
        return UsageLogsCatalog.source(connection, state.sourceSchema(), state.retiredTable())
                .orElseThrow(
                        () ->
                                UsageLogsMigrationException.conflict(
                                        "The retired table "
                                                + state.sourceSchema()
                                                + "."
                                                + state.retiredTable()
                                                + " no longer exists."));
    }

    /**
     * The zone times without a zone are read in. Rows already migrated were read in the zone the
     * migration started with, so naming another one is refused.
     */
    static ZoneId zone(UsageLogsMigrationOptions options, Optional<UsageLogsMigrationState> state) {
        Optional<String> started =
                state.filter(
                                s ->
                                        s.phase() == Phase.COPYING
                                                || s.phase() == Phase.COPIED
                                                || s.phase() == Phase.FINISHED)
                        .map(UsageLogsMigrationState::timeZone);
        ZoneId zone = options.zoneOr(started);
        if (started.isPresent() && !started.get().equals(zone.getId())) {
            throw UsageLogsMigrationException.conflict(
                    "This migration reads times without a"
                            + " zone in "
                            + started.get()
                            + " since its first run; leave time_zone out"
                            + " or set it to "
                            + started.get()
                            + ".");
        }
        return zone;
    }

    static String currentRole(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select current_user");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
