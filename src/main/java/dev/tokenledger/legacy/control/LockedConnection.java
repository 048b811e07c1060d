package dev.tokenledger.legacy.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * A connection holding the migration lock, for one step. Closing it rolls back whatever is not
 * committed and releases the lock before the connection goes back to a pool: a pooled session would
 * otherwise keep both for whoever borrows it next.
 */
final class LockedConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LockedConnection.class);

    private final Connection connection;

    private LockedConnection(Connection connection) {
        this.connection = connection;
    }

    /** Refuses (and closes the connection) when another step holds the lock. */
    static LockedConnection open(MigrationConnections connections) throws SQLException {
        Connection connection = connections.open();
        try {
            UsageLogsMigrationLock.acquire(connection);
            return new LockedConnection(connection);
        } catch (SQLException | RuntimeException refused) {
            connection.close();
            throw refused;
        }
    }

    Connection get() {
        return connection;
    }

    @Override
    public void close() {
        try {
            if (!connection.isClosed()) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                UsageLogsMigrationLock.release(connection);
            }
        } catch (SQLException broken) {
            // A dead session holds no lock; the pool's exception sorter discards the connection.
            LOG.debugf("releasing the migration lock failed: %s", broken.getMessage());
        } finally {
            // TODO(legacy): when stop ended this session from elsewhere, WildFly's pool logs
            // IJ030061 with a stack trace as it takes the dead connection back; harmless (the
            // owner data source validates before lending) but noisy, and not ours to silence.
            try {
                connection.close();
            } catch (SQLException ignored) {
                LOG.debugf("closing a migration connection failed: %s", ignored.getMessage());
            }
        }
    }
}
