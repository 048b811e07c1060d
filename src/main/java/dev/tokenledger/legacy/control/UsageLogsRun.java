package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.MigrationProgress;
import dev.tokenledger.legacy.entity.UsageLogsMigrationException;
import dev.tokenledger.legacy.entity.UsageLogsMigrationException.Kind;
import dev.tokenledger.legacy.entity.UsageLogsMigrationOptions;
import dev.tokenledger.legacy.entity.UsageLogsMigrationState;
import dev.tokenledger.legacy.entity.UsageLogsRunReport;
import dev.tokenledger.legacy.entity.UsageLogsVerification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One copy pass, begun by {@link UsageLogsMigration#begin} on a connection that holds the migration
 * lock. Each batch and its checkpoint commit in one transaction, so a process killed at any point
 * leaves request_logs and the checkpoint agreeing, and the next run resumes after the last
 * committed batch. Once the pass has read every row, it verifies per key.
 */
public final class UsageLogsRun {

    private static final Logger LOG = Logger.getLogger(UsageLogsRun.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long PAUSE_SLICE_MILLIS = 100;

    private final LockedConnection locked;
    private final Connection connection;
    private final MigrationConnections connections;
    private final UsageLogsSql sql;
    private final UsageLogsMigrationOptions options;
    private final UsageLogsMigrationState started;
    private final String schema;
    private volatile boolean stopRequested;

    UsageLogsRun(
            LockedConnection locked,
            MigrationConnections connections,
            UsageLogsSql sql,
            UsageLogsMigrationOptions options,
            UsageLogsMigrationState started) {
        this.locked = locked;
        this.connection = locked.get();
        this.connections = connections;
        this.sql = sql;
        this.options = options;
        this.started = started;
        this.schema = started.sourceSchema();
    }

    /** Asks the run to stop after the batch in progress; it ends as not completed. */
    public void stop() {
        stopRequested = true;
    }

    /** Copies until every row is read or a stop is asked for, then verifies; frees the lock. */
    public UsageLogsRunReport execute() {
        long began = System.nanoTime();
        try (locked) {
            announce();
            boolean completed = copy();
            double copySeconds = (System.nanoTime() - began) / 1e9;

            UsageLogsVerification verification = completed ? verify() : null;
            UsageLogsRunReport report = report(completed, copySeconds, verification);
            conclude(report);
            return report;
        } catch (SQLException failed) {
            throw interrupted(failed);
        }
    }

    private boolean copy() throws SQLException {
        UUID lastId = started.lastId();
        long done = started.rowsDone();
        long nextLog = System.nanoTime() + LOG_EVERY_NANOS;
        long sessionStart = System.nanoTime();
        while (!stopRequested) {
            CopiedBatch batch = copyBatch(lastId);
            done += batch.read();
            lastId = batch.read() > 0 ? batch.lastId() : lastId;
            if (batch.read() < options.batchSize()) {
                return true;
            }
            if (System.nanoTime() >= nextLog) {
                LOG.infof(
                        "usage_logs migration of %s: %s",
                        schema, progress(done, sessionStart).describe());
                nextLog = System.nanoTime() + LOG_EVERY_NANOS;
            }
            pause();
        }
        return false;
    }

    private CopiedBatch copyBatch(UUID after) throws SQLException {
        MigrationConnections.begin(connection, false);
        CopiedBatch batch;
        try (PreparedStatement copy = connection.prepareStatement(sql.batch(after == null))) {
            int parameter = 1;
            if (after != null) {
                copy.setObject(parameter++, after);
            }
            copy.setInt(parameter, options.batchSize());
            try (ResultSet row = copy.executeQuery()) {
                row.next();
                batch =
                        new CopiedBatch(
                                row.getLong(1),
                                row.getLong(2),
                                row.getLong(3),
                                row.getLong(4),
                                row.getObject(5, UUID.class));
            }
        }
        UsageLogsMigrationStore.recordBatch(connection, schema, batch);
        connection.commit();
        return batch;
    }

    private UsageLogsVerification verify() throws SQLException {
        MigrationConnections.begin(connection, false);
        UsageLogsMigrationStore.passCopied(connection, schema);
        connection.commit();
        UsageLogsVerification verification =
                UsageLogsMigration.compare(connection, sql, options.listLimit());
        MigrationConnections.begin(connection, false);
        UsageLogsMigrationStore.verified(connection, schema, verification.passed());
        connection.commit();
        return verification;
    }

    private UsageLogsRunReport report(
            boolean completed, double copySeconds, UsageLogsVerification verification)
            throws SQLException {
        MigrationConnections.begin(connection, true);
        UsageLogsMigrationState state =
                UsageLogsMigrationStore.find(connection, schema).orElseThrow();
        connection.commit();
        return new UsageLogsRunReport(
                sql.sourceName(),
                state.timeZone(),
                state.pass(),
                completed,
                started.rowsDone(),
                state.rowsDone(),
                state.inserted(),
                state.alreadyPresent(),
                state.rejected(),
                state.totalsFilled(),
                Math.round(copySeconds * 10) / 10.0,
                state.progress(),
                verification);
    }

    private void announce() {
        if (started.rowsDone() > 0) {
            LOG.infof(
                    "usage_logs migration of %s: resuming pass %d after %d of %d rows"
                            + " (batches of %d, times read in %s)",
                    schema,
                    started.pass(),
                    started.rowsDone(),
                    started.rowsTotal(),
                    options.batchSize(),
                    started.timeZone());
        } else {
            LOG.infof(
                    "usage_logs migration of %s: pass %d started over %d rows (batches of %d,"
                            + " times read in %s)",
                    schema,
                    started.pass(),
                    started.rowsTotal(),
                    options.batchSize(),
                    started.timeZone());
        }
    }

    private void conclude(UsageLogsRunReport report) {
        if (!report.completed()) {
            LOG.infof(
                    "usage_logs migration of %s: stopped after %d of %d rows; run it again to"
                            + " resume",
                    schema, report.rowsRead(), report.progress().rowsTotal());
            return;
        }
        LOG.infof(
                "usage_logs migration of %s: pass %d read %d rows in %.1f s: %d inserted, %d"
                        + " already present, %d rejected, %d totals filled",
                schema,
                report.pass(),
                report.rowsRead(),
                report.copySeconds(),
                report.inserted(),
                report.alreadyPresent(),
                report.rejected(),
                report.totalsFilled());
        UsageLogsMigration.logVerification(schema, report.verification());
    }

    private MigrationProgress progress(long done, long sessionStart) {
        return MigrationProgress.of(
                done,
                started.rowsTotal(),
                done - started.rowsDone(),
                Duration.ofNanos(System.nanoTime() - sessionStart));
    }

    private void pause() {
        long until = System.currentTimeMillis() + options.pauseMillis();
        try {
            while (!stopRequested && System.currentTimeMillis() < until) {
                Thread.sleep(Math.min(PAUSE_SLICE_MILLIS, until - System.currentTimeMillis()));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }

    /**
     * The batch in progress rolled back; committed batches stay, and so does the checkpoint after
     * the last of them. Records why, on a fresh connection, if the database still answers.
     */
    private UsageLogsMigrationException interrupted(SQLException failed) {
        String reason =
                failed.getMessage() == null
                        ? failed.getClass().getSimpleName()
                        : failed.getMessage().lines().findFirst().orElse("");
        LOG.warnf(
                "usage_logs migration of %s interrupted (SQLSTATE %s): %s; run it again to"
                        + " resume after the last committed batch",
                schema, failed.getSQLState(), reason);
        UsageLogsMigration.recordFailure(connections, schema, reason);
        return new UsageLogsMigrationException(
                Kind.INTERRUPTED,
                "The run was interrupted ("
                        + reason
                        + "); every committed batch is kept, and running again resumes after"
                        + " the last of them.");
    }
}
