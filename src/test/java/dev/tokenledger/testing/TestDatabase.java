package dev.tokenledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Direct JDBC access to the test database, to check what the server stored without going through
 * it. Connects as the administrator unless a role is named.
 */
public final class TestDatabase {

    /** The schema owner the server migrates and runs the usage_logs migration as. */
    public static final String OWNER = "tokenledger_owner";

    public static final String OWNER_PASSWORD = "tokenledger_owner";

    /** The application's runtime role, as configured for the test server. */
    public static final String RUNTIME = "tokenledger_app";

    private TestDatabase() {}

    /** The owner role's connections to any database of the test cluster. */
    public static DataSource ownerDataSource(String url) {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(url);
        owner.setUser(OWNER);
        owner.setPassword(OWNER_PASSWORD);
        return owner;
    }

    public static Connection admin() throws SQLException {
        return DriverManager.getConnection(
                System.getProperty("test.db.url"),
                System.getProperty("test.db.admin-user"),
                System.getProperty("test.db.admin-password", ""));
    }

    /** A connection as the application's runtime role. */
    public static Connection runtimeRole() throws SQLException {
        return DriverManager.getConnection(System.getProperty("test.db.url"), RUNTIME, RUNTIME);
    }

    public static long count(String sql, Object... parameters) {
        return query(
                sql,
                parameters,
                row -> {
                    row.next();
                    return row.getLong(1);
                });
    }

    public static long rows() {
        return count("select count(*) from request_logs");
    }

    /** The first column of the first row as text; null for SQL NULL or no row. */
    public static String text(String sql, Object... parameters) {
        return query(sql, parameters, row -> row.next() ? row.getString(1) : null);
    }

    /** The rows of a query whose single column is jsonb (e.g. {@code select to_jsonb(r)}). */
    public static List<JsonNode> json(String sql, Object... parameters) {
        return query(
                sql,
                parameters,
                row -> {
                    List<JsonNode> rows = new ArrayList<>();
                    while (row.next()) {
                        try {
                            rows.add(Api.JSON.readTree(row.getString(1)));
                        } catch (IOException notJson) {
                            throw new UncheckedIOException(notJson);
                        }
                    }
                    return rows;
                });
    }

    /** Runs statements as the administrator, e.g. to install a fault for a test. */
    public static void execute(String... statements) {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(String sql, Object[] parameters, Reader<T> reader) {
        try (Connection connection = admin();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
