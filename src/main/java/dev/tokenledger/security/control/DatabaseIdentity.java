package dev.tokenledger.security.control;

import dev.tokenledger.security.entity.Caller;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Tells PostgreSQL who the caller is for the rest of the current transaction: the caller role's
 * database role (which the row-level-security policies name) and the user id the policies compare
 * {@code end_user} with. Both settings are transaction-local ({@code is_local = true}).
 */
public final class DatabaseIdentity {

    /** The setting the policies read; see the row-level-security migration. */
    public static final String USER_SETTING = "tokenledger.user_id";

    private static final String ASSUME =
            "select set_config('role', ?, true), set_config('" + USER_SETTING + "', ?, true)";

    private DatabaseIdentity() {}

    /** Must run inside the caller's JTA transaction, on the runtime data source. */
    public static void assume(DataSource dataSource, Caller caller) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assume(connection, caller);
        }
    }

    /**
     * For a transaction managed by hand: the identity holds for the statements that follow, until
     * the next call or the end of the transaction.
     */
    public static void assume(Connection connection, Caller caller) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ASSUME)) {
            statement.setString(1, caller.role().databaseRole());
            statement.setString(2, caller.userId() == null ? "" : caller.userId());
            statement.execute();
        }
    }
}
