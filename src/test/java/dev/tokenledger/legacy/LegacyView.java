package dev.tokenledger.legacy;

import dev.tokenledger.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries the read-only usage_logs view as the application's runtime role acting as a caller role,
 * the way the server's transactions do, so row-level security decides what each sees. Only the
 * shared file's ids are looked at, so other tests' rows do not matter.
 */
final class LegacyView {

    private final String schema;

    LegacyView(String schema) {
        this.schema = schema;
    }

    List<String> idsVisibleTo(String role, String userId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = as(role, userId);
                PreparedStatement query =
                        connection.prepareStatement(
                                "select id::text from "
                                        + schema
                                        + ".usage_logs where id = any(?::uuid[]) order by id")) {
            query.setObject(1, SharedFileRows.ids());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** The first visible row of the shared file, every legacy column joined by |. */
    String firstRowAs(String role, String userId) throws SQLException {
        try (Connection connection = as(role, userId);
                PreparedStatement query =
                        connection.prepareStatement(
                                "select concat_ws('|', id, user_id, session_id, model_name,"
                                        + " input_tokens, output_tokens, total_tokens, cost,"
                                        + " created_at, auth_method) from "
                                        + schema
                                        + ".usage_logs where id = any(?::uuid[]) order by id limit"
                                        + " 1")) {
            query.setObject(1, SharedFileRows.ids());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** The SQLSTATE PostgreSQL answers the statement with (%s is the schema), or null. */
    String refusalFor(String role, String statement) throws SQLException {
        try (Connection connection = as(role, "");
                PreparedStatement query =
                        connection.prepareStatement(statement.formatted(schema))) {
            query.execute();
            return null;
        } catch (SQLException refused) {
            return refused.getSQLState();
        }
    }

    private static Connection as(String role, String userId) throws SQLException {
        Connection connection = TestDatabase.runtimeRole();
        connection.setAutoCommit(false);
        try (PreparedStatement assume =
                connection.prepareStatement(
                        "select set_config('role',"
                                + " ?, true), set_config('tokenledger.user_id', ?, true),"
                                + " set_config('timezone', 'UTC', true)")) {
            assume.setString(1, role);
            assume.setString(2, userId);
            assume.execute();
        }
        return connection;
    }
}
