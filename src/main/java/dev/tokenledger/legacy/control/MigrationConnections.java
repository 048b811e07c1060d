package dev.tokenledger.legacy.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens connections as the schema owner: from the server's owner data source, or from the command
 * line's JDBC URL. Both paths run the same migration code over them.
 */
@FunctionalInterface
public interface MigrationConnections {

    Connection open() throws SQLException;

    /**
     * Starts a transaction set up for the migration's queries: doubles print their shortest exact
     * decimal (the conversion of costs relies on it); the long scans are not cut off by a statement
     * timeout meant for requests; hash joins over whole tables get the memory to stay off disk; and
     * no JIT, which spent longer compiling the wide row expressions than running them (10 s of 24 s
     * on a million rows).
     */
    static void begin(Connection connection, boolean readOnly) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement settings = connection.createStatement()) {
            if (readOnly) {
                // One snapshot for every statement: a comparison counts, then lists.
                settings.execute("set transaction isolation level repeatable read, read only");
            }
            settings.execute("set local extra_float_digits = 1");
            settings.execute("set local statement_timeout = 0");
            settings.execute("set local work_mem = '64MB'");
            settings.execute("set local jit = off");
        }
    }
}
