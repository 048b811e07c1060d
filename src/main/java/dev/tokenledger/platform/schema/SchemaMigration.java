package dev.tokenledger.platform.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jboss.logging.Logger;

/**
 * Brings the schema up to date at start-up, as the owner role, then runs every component's {@link
 * ReadinessCheck}. When the database is unreachable or misconfigured it logs one line saying what
 * to set and retries every ten seconds; the application answers 503 meanwhile.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);
    private static final long RETRY_MILLIS = 10_000;

    @Resource(lookup = "java:jboss/datasources/TokenLedgerOwnerDS")
    DataSource ownerDataSource;

    @Resource(lookup = "java:jboss/datasources/TokenLedgerDS")
    DataSource runtimeDataSource;

    @Resource TimerService timers;

    @Inject SchemaState state;

    @Inject Instance<ReadinessCheck> checks;

    private String lastFailure;

    @PostConstruct
    void migrateAtStartup() {
        if (!attempt()) {
            timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig(null, false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (attempt()) {
            timer.cancel();
        }
    }

    private synchronized boolean attempt() {
        try {
            String runtimeRole = runtimeRole();
            String version = migrate(runtimeRole);
            for (ReadinessCheck check : checks) {
                Optional<String> problem = check.problem(runtimeDataSource);
                if (problem.isPresent()) {
                    throw new SchemaUnavailableException(problem.get());
                }
            }
            state.ready(version);
            LOG.infof("database ready: schema version %s, runtime role %s", version, runtimeRole);
            lastFailure = null;
            return true;
        } catch (SchemaUnavailableException unavailable) {
            fail(unavailable.getMessage());
            return false;
        }
    }

    private String runtimeRole() {
        try (Connection connection = runtimeDataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select current_user");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        } catch (SQLException unreachable) {
            throw new SchemaUnavailableException(
                    "cannot connect as the runtime role ("
                            + rootCause(unreachable)
                            + "); set TOKENLEDGER_DB_URL, "
                            + "TOKENLEDGER_DB_USER and TOKENLEDGER_DB_PASSWORD");
        }
    }

    private String migrate(String runtimeRole) {
        try (Connection probe = ownerDataSource.getConnection()) {
            probe.isValid(5);
        } catch (SQLException unreachable) {
            throw new SchemaUnavailableException(
                    "cannot connect as the schema owner ("
                            + rootCause(unreachable)
                            + "); set TOKENLEDGER_DB_URL, "
                            + "TOKENLEDGER_DB_OWNER_USER and TOKENLEDGER_DB_OWNER_PASSWORD");
        }
        try {
            Flyway flyway = SchemaMigrations.flyway(ownerDataSource, runtimeRole);
            flyway.migrate();
            return flyway.info().current().getVersion().getVersion();
        } catch (FlywayException failed) {
            throw new SchemaUnavailableException("schema migration failed: " + failed.getMessage());
        }
    }

    /** The driver's own words: the pool wraps them in its own ("unable to get connection"). */
    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private void fail(String reason) {
        state.failed(reason);
        if (!reason.equals(lastFailure)) {
            LOG.errorf("database not ready, retrying every %d s: %s", RETRY_MILLIS / 1000, reason);
            lastFailure = reason;
        }
    }
}
