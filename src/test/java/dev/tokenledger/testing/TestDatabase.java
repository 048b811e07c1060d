package dev.tokenledger.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Direct JDBC access to the test database, to check what the server stored without going
 * through it. Connects as the administrator unless a role is named.
 */
public final class TestDatabase {

    /** The schema owner the server migrates and runs the usage_logs migration as. */
    public static final String OWNER = "tokenledger_owner";
    public static final String OWNER_PASSWORD = "tokenledger_owner";

    private TestDatabase() {}

    public static Connection admin() throws SQLException {
        return DriverManager.getConnection(System.getProperty("test.db.url"),
                System.getProperty("test.db.admin-user"),
                System.getProperty("test.db.admin-password", ""));
    }

    /** The application's runtime role, as configured for the test server. */
    public static Connection runtimeRole() throws SQLException {
        return DriverManager.getConnection(System.getProperty("test.db.url"), "tokenledger_app",
                "tokenledger_app");
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = admin();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    public static long rows() {
        return count("select count(*) from request_logs");
    }
}
