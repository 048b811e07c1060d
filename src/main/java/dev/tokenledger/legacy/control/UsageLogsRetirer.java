package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.control.UsageLogsCatalog.Relation;
import dev.tokenledger.legacy.control.UsageLogsMigration.Prepared;
import dev.tokenledger.legacy.entity.MigrationTarget;
import dev.tokenledger.legacy.entity.UsageLogsMigrationException;
import dev.tokenledger.legacy.entity.UsageLogsMigrationOptions;
import dev.tokenledger.legacy.entity.UsageLogsMigrationState;
import dev.tokenledger.legacy.entity.UsageLogsMigrationState.Phase;
import dev.tokenledger.legacy.entity.UsageLogsRetirement;
import dev.tokenledger.legacy.entity.UsageLogsSource;
import dev.tokenledger.legacy.entity.UsageLogsVerification;
import dev.tokenledger.legacy.entity.UsageLogsView;
import dev.tokenledger.security.entity.CallerRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The steps after a verified migration: renaming the legacy table out of the way (finish), dropping
 * the renamed table (drop, only when named explicitly), and the optional read-only usage_logs view.
 * Each verifies again, under a table lock, in the transaction that changes the table, so no row can
 * slip in or out between the check and the change. Also stops a step.
 */
public final class UsageLogsRetirer {

    private static final Logger LOG = Logger.getLogger(UsageLogsRetirer.class);
    private static final DateTimeFormatter RETIRED_SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    /** Readers of request_logs: users see their own rows through the view, the service all. */
    private static final List<String> VIEW_READERS =
            List.of(CallerRole.AUTHENTICATED.databaseRole(), CallerRole.SERVICE.databaseRole());

    private final MigrationConnections connections;

    public UsageLogsRetirer(MigrationConnections connections) {
        this.connections = connections;
    }

    /** Verifies under an exclusive lock and renames usage_logs to usage_logs_retired_... */
    public UsageLogsRetirement finish(UsageLogsMigrationOptions options) throws SQLException {
        try (LockedConnection locked = LockedConnection.open(connections)) {
            Connection connection = locked.get();
            MigrationConnections.begin(connection, false);
            Prepared prepared = UsageLogsMigration.prepare(connection, options, false);
            UsageLogsSource source = prepared.source();
            if (prepared.state().isEmpty()) {
                throw UsageLogsMigrationException.conflict(
                        "Nothing has been migrated from "
                                + source.displayName()
                                + " yet; run the migration first.");
            }
            requireOwned(source, connection);

            UsageLogsVerification verification =
                    verifyLocked(
                            connection,
                            prepared,
                            "exclusive",
                            options.listLimit(),
                            " keeps its name");
            String retired =
                    UsageLogsSource.TABLE
                            + "_retired_"
                            + RETIRED_SUFFIX.format(ZonedDateTime.now(ZoneOffset.UTC));
            execute(
                    connection,
                    "alter table "
                            + prepared.sql().sourceTable()
                            + " rename to "
                            + UsageLogsSql.quote(retired));
            UsageLogsMigrationStore.verified(connection, options.schema(), true);
            UsageLogsMigrationStore.finished(connection, options.schema(), retired);
            connection.commit();

            LOG.infof(
                    "usage_logs migration of %s finished: verified %d rows and renamed the"
                            + " legacy table to %s",
                    options.schema(), verification.comparison().rows(), retired);
            return new UsageLogsRetirement(
                    source.displayName(),
                    options.schema() + "." + retired,
                    "renamed",
                    verification);
        } catch (SQLException failed) {
            throw lockTimeout(failed, options.schema() + "." + UsageLogsSource.TABLE);
        }
    }

    /** Verifies the retired table once more and drops it; {@code confirm} must name it. */
    public UsageLogsRetirement drop(UsageLogsMigrationOptions options, String confirm)
            throws SQLException {
        if (confirm == null || confirm.isBlank()) {
            throw UsageLogsMigrationException.invalid(
                    "confirm", "is required: name the retired" + " table to drop it.");
        }
        try (LockedConnection locked = LockedConnection.open(connections)) {
            Connection connection = locked.get();
            MigrationConnections.begin(connection, false);
            requireFinished(connection, options.schema(), confirm);
            Prepared prepared = UsageLogsMigration.prepare(connection, options, true);

            UsageLogsVerification verification =
                    verifyLocked(
                            connection,
                            prepared,
                            "access exclusive",
                            options.listLimit(),
                            " is kept");
            execute(connection, "drop table " + prepared.sql().sourceTable());
            UsageLogsMigrationStore.dropped(connection, options.schema());
            connection.commit();

            LOG.infof(
                    "usage_logs migration of %s: dropped the retired table %s after verifying"
                            + " its %d rows once more",
                    options.schema(), prepared.source().table(), verification.comparison().rows());
            return new UsageLogsRetirement(
                    prepared.source().displayName(),
                    prepared.source().displayName(),
                    "dropped",
                    verification);
        } catch (SQLException failed) {
            throw lockTimeout(failed, "the retired table");
        }
    }

    /** Creates the view where the legacy table was; leaves an existing view as it is. */
    public UsageLogsView createView(UsageLogsMigrationOptions options) throws SQLException {
        String name = options.schema() + "." + UsageLogsSource.TABLE;
        try (LockedConnection locked = LockedConnection.open(connections)) {
            Connection connection = locked.get();
            MigrationConnections.begin(connection, false);
            MigrationTarget target = UsageLogsMigration.requireSchema(connection);
            Relation relation =
                    UsageLogsCatalog.relation(connection, options.schema(), UsageLogsSource.TABLE);
            switch (relation) {
                case VIEW -> {
                    return new UsageLogsView(name, false, VIEW_READERS);
                }
                case TABLE ->
                        throw UsageLogsMigrationException.conflict(
                                name
                                        + " is still the legacy table; finish the migration before"
                                        + " a view takes its name.");
                case OTHER ->
                        throw UsageLogsMigrationException.conflict(
                                name
                                        + " is taken by something that is neither a table nor a"
                                        + " view.");
                case ABSENT -> requireSchemaExists(connection, options.schema());
            }

            execute(connection, UsageLogsSql.view(options.schema(), target));
            execute(
                    connection,
                    "comment on view "
                            + qualified(options.schema())
                            + " is "
                            + UsageLogsSql.literal(
                                    "Read-only legacy shape of request_logs; row-level security"
                                            + " applies to whoever queries it."));
            execute(
                    connection,
                    "grant select on "
                            + qualified(options.schema())
                            + " to "
                            + String.join(
                                    ", ", VIEW_READERS.stream().map(UsageLogsSql::quote).toList()));
            grantSchemaUsage(connection, options.schema());
            connection.commit();
            LOG.infof("created the read-only view %s over request_logs", name);
            return new UsageLogsView(name, true, VIEW_READERS);
        }
    }

    /** Ends whichever step holds the migration lock, on any node or command line. */
    public boolean stop() throws SQLException {
        try (Connection connection = connections.open()) {
            int holder = UsageLogsMigrationLock.holder(connection);
            if (holder == 0) {
                return false;
            }
            try (PreparedStatement terminate =
                    connection.prepareStatement("select pg_terminate_backend(?)")) {
                terminate.setInt(1, holder);
                try (ResultSet row = terminate.executeQuery()) {
                    row.next();
                    LOG.infof(
                            "usage_logs migration step stopped: ended its database session %d",
                            holder);
                    return row.getBoolean(1);
                }
            }
        }
    }

    private UsageLogsVerification verifyLocked(
            Connection connection,
            Prepared prepared,
            String lockMode,
            int listLimit,
            String consequence)
            throws SQLException {
        execute(connection, "set local lock_timeout = '10s'");
        execute(
                connection,
                "lock table " + prepared.sql().sourceTable() + " in " + lockMode + " mode");
        UsageLogsVerification verification =
                UsageLogsMigration.compareInTransaction(connection, prepared.sql(), listLimit);
        if (verification.passed()) {
            return verification;
        }
        connection.rollback();
        if (prepared.state().isPresent()) {
            MigrationConnections.begin(connection, false);
            UsageLogsMigrationStore.verified(
                    connection, prepared.state().get().sourceSchema(), false);
            connection.commit();
        }
        UsageLogsMigration.logVerification(prepared.source().schema(), verification);
        throw UsageLogsMigrationException.conflict(
                "Verification failed, so "
                        + prepared.source().displayName()
                        + consequence
                        + ": "
                        + UsageLogsMigration.counts(verification.comparison())
                        + ". The verify step lists the rows.");
    }

    private static void requireFinished(Connection connection, String schema, String confirm)
            throws SQLException {
        UsageLogsMigration.requireSchema(connection);
        UsageLogsMigrationState state =
                UsageLogsMigrationStore.find(connection, schema)
                        .filter(s -> s.phase() == Phase.FINISHED)
                        .orElseThrow(
                                () ->
                                        UsageLogsMigrationException.conflict(
                                                "Only the table a finished migration renamed can be"
                                                        + " dropped, and the migration of "
                                                        + schema
                                                        + " is not finished (or already"
                                                        + " dropped)."));
        String retired = schema + "." + state.retiredTable();
        if (!confirm.equals(retired) && !confirm.equals(state.retiredTable())) {
            throw UsageLogsMigrationException.invalid(
                    "confirm", "must name the retired table, " + retired + ", to drop it.");
        }
    }

    private static void requireOwned(UsageLogsSource source, Connection connection)
            throws SQLException {
        List<String> warnings =
                UsageLogsShape.warnings(source, UsageLogsMigration.currentRole(connection));
        if (!warnings.isEmpty()) {
            throw UsageLogsMigrationException.conflict(String.join(" ", warnings));
        }
    }

    /** Readers need to reach the schema too; public lets everyone, another may not. */
    private static void grantSchemaUsage(Connection connection, String schema) throws SQLException {
        for (String reader : VIEW_READERS) {
            try (PreparedStatement query =
                    connection.prepareStatement("select has_schema_privilege(?, ?, 'USAGE')")) {
                query.setString(1, reader);
                query.setString(2, schema);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        execute(
                                connection,
                                "grant usage on schema "
                                        + UsageLogsSql.quote(schema)
                                        + " to "
                                        + UsageLogsSql.quote(reader));
                    }
                }
            }
        }
    }

    private static void requireSchemaExists(Connection connection, String schema)
            throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(
                        "select exists (select 1 from pg_namespace where nspname = ?)")) {
            query.setString(1, schema);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    throw UsageLogsMigrationException.notFound(
                            "There is no schema " + schema + ".");
                }
            }
        }
    }

    /** A lock not granted in time means someone still uses the table: say so, not a 500. */
    private static SQLException lockTimeout(SQLException failed, String table) {
        if ("55P03".equals(failed.getSQLState())) {
            throw UsageLogsMigrationException.conflict(
                    table
                            + " is in use by another session (its lock was not granted within 10"
                            + " s); stop the applications that still use it and try again.");
        }
        return failed;
    }

    private static String qualified(String schema) {
        return UsageLogsSql.quote(schema) + "." + UsageLogsSql.quote(UsageLogsSource.TABLE);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
