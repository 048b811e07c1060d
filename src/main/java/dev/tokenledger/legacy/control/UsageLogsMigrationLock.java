package dev.tokenledger.legacy.control;

import dev.tokenledger.legacy.entity.UsageLogsMigrationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One migration step at a time per database, whichever server node or command line runs it: a
 * PostgreSQL session-level advisory lock. It is held by a connection, so a killed process releases
 * it with its connection, and nothing is left to clean up.
 */
final class UsageLogsMigrationLock {

    /** "tlmg" and 5 (the issue): the key no other part of Token Ledger uses. */
    private static final int KEY_CLASS = 0x746c6d67;

    private static final int KEY_OBJECT = 5;

    private static final String HOLDER =
            """
            select pid from pg_locks
            where locktype = 'advisory' and granted and classid = ? and objid = ?
              and objsubid = 2
              and database = (select oid from pg_database where datname = current_database())
            """;

    private UsageLogsMigrationLock() {}

    /** Takes the lock for the connection's session, or refuses if another session has it. */
    static void acquire(Connection connection) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, KEY_CLASS);
            lock.setInt(2, KEY_OBJECT);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    throw UsageLogsMigrationException.conflict(
                            "Another usage_logs migration step is running against this database;"
                                    + " wait for it, or stop it.");
                }
            }
        }
    }

    static void release(Connection connection) throws SQLException {
        try (PreparedStatement unlock =
                connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, KEY_CLASS);
            unlock.setInt(2, KEY_OBJECT);
            unlock.execute();
        }
    }

    /** The backend process holding the lock, or 0 when nobody does. */
    static int holder(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(HOLDER)) {
            query.setInt(1, KEY_CLASS);
            query.setInt(2, KEY_OBJECT);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }
}
