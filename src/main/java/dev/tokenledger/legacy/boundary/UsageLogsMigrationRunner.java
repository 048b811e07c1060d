package dev.tokenledger.legacy.boundary;

import dev.tokenledger.legacy.control.UsageLogsMigration;
import dev.tokenledger.legacy.control.UsageLogsRetirer;
import dev.tokenledger.legacy.control.UsageLogsRun;
import dev.tokenledger.legacy.entity.UsageLogsMigrationException;
import dev.tokenledger.legacy.entity.UsageLogsMigrationOptions;
import dev.tokenledger.legacy.entity.UsageLogsRunReport;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The server's side of the migration: the control classes over the owner data source (never the
 * runtime one: the owner's policy on request_logs lets it write any row), and runs on a thread of
 * their own so a long run outlives the request that started it. Nothing here runs at start-up; only
 * a service-role request starts a step.
 */
@ApplicationScoped
public class UsageLogsMigrationRunner {

    private static final Logger LOG = Logger.getLogger(UsageLogsMigrationRunner.class);

    @Resource(lookup = "java:jboss/datasources/TokenLedgerOwnerDS")
    DataSource ownerDataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /** How long an undeploy waits for a run to commit its batch and end. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Map<UsageLogsRun, Thread> running = new ConcurrentHashMap<>();

    public UsageLogsMigration migration() {
        return new UsageLogsMigration(ownerDataSource::getConnection);
    }

    public UsageLogsRetirer retirer() {
        return new UsageLogsRetirer(ownerDataSource::getConnection);
    }

    /**
     * Begins a pass and copies on a new thread, which opens, uses and closes the connection itself.
     * Returns once the pass has begun, so refusals (another step running, no legacy table) reach
     * the caller; the future completes with the run's report.
     */
    public CompletableFuture<UsageLogsRunReport> start(UsageLogsMigrationOptions options)
            throws SQLException {
        CompletableFuture<Void> begun = new CompletableFuture<>();
        CompletableFuture<UsageLogsRunReport> outcome = new CompletableFuture<>();
        Thread worker = threads.newThread(() -> work(options, begun, outcome));
        worker.setName("usage-logs-migration");
        worker.start();
        try {
            begun.get();
        } catch (ExecutionException refused) {
            throw rethrow(refused.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a migration run began", interrupted);
        }
        return outcome;
    }

    private void work(
            UsageLogsMigrationOptions options,
            CompletableFuture<Void> begun,
            CompletableFuture<UsageLogsRunReport> outcome) {
        UsageLogsRun run;
        try {
            run = migration().begin(options);
        } catch (SQLException | RuntimeException refused) {
            begun.completeExceptionally(refused);
            return;
        }
        running.put(run, Thread.currentThread());
        begun.complete(null);
        try {
            outcome.complete(run.execute());
        } catch (UsageLogsMigrationException interrupted) {
            outcome.completeExceptionally(interrupted);
        } catch (RuntimeException failed) {
            LOG.errorf(failed, "usage_logs migration of %s failed", options.schema());
            outcome.completeExceptionally(failed);
        } finally {
            running.remove(run);
        }
    }

    /**
     * Stops the step holding the migration lock: a run of this server after its current batch (it
     * ends as not completed), any other step, here or elsewhere, by ending its session.
     *
     * @return false when no step is running
     */
    public boolean stop() throws SQLException {
        if (!running.isEmpty()) {
            running.keySet().forEach(UsageLogsRun::stop);
            LOG.info("usage_logs migration run asked to stop after its current batch");
            return true;
        }
        return retirer().stop();
    }

    /**
     * An undeployed or stopping server ends its runs after their current batch. One that does not
     * end in time loses at most that batch when its connection goes: the next run resumes.
     */
    @PreDestroy
    void stopRuns() {
        running.keySet().forEach(UsageLogsRun::stop);
        try {
            for (Thread worker : running.values()) {
                worker.join(STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException shutdownHurried) {
            Thread.currentThread().interrupt();
        }
    }

    private static SQLException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (cause instanceof SQLException sql) {
            return sql;
        }
        throw new IllegalStateException(cause);
    }
}
