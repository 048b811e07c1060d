package dev.tokenledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second wall, tested in the database itself: connecting as the application's runtime role and
 * taking on caller identities exactly as the application does, PostgreSQL enforces every access
 * rule with no application code involved. (The deployment only makes sure the schema is migrated.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RowLevelSecurityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    String alice;
    String bob;

    @BeforeEach
    void rows() throws SQLException {
        alice = TestData.user();
        bob = TestData.user();
        try (Connection admin = TestDatabase.admin();
                Statement sql = admin.createStatement()) {
            for (String user : List.of(alice, alice, bob)) {
                sql.execute(
                        "insert into request_logs (id, end_user, model) values ('"
                                + UUID.randomUUID()
                                + "', '"
                                + user
                                + "', 'gpt-4o')");
            }
        }
    }

    /** Opens a transaction on a runtime-role connection acting as the given caller. */
    static Connection actingAs(String role, String user) throws SQLException {
        Connection connection = TestDatabase.runtimeRole();
        connection.setAutoCommit(false);
        try (PreparedStatement assume =
                connection.prepareStatement(
                        "select set_config('role', ?, true), set_config('tokenledger.user_id', ?,"
                                + " true)")) {
            assume.setString(1, role);
            assume.setString(2, user == null ? "" : user);
            assume.execute();
        }
        return connection;
    }

    static List<String> endUsers(Connection connection, String sql) throws SQLException {
        List<String> users = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                users.add(rows.getString("end_user"));
            }
        }
        return users;
    }

    static void insert(Connection connection, String endUser, String authMethod)
            throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "insert into request_logs (id, end_user, model, additional_details) values"
                                + " (?, ?, 'm', jsonb_build_object('auth_method', ?::text))")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, endUser);
            insert.setString(3, authMethod);
            insert.executeUpdate();
        }
    }

    @Test
    void withNoIdentityTheRuntimeRoleSeesNothingAndWritesNothing() throws SQLException {
        try (Connection connection = TestDatabase.runtimeRole()) {
            assertThat(endUsers(connection, "select * from request_logs")).isEmpty();
            assertThatThrownBy(() -> insert(connection, alice, "jwt"))
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void aUserSeesOnlyTheirOwnRowsEvenWithoutAWhereClause() throws SQLException {
        try (Connection connection = actingAs("tokenledger_authenticated", alice)) {
            assertThat(endUsers(connection, "select * from request_logs"))
                    .hasSize(2)
                    .containsOnly(alice);
            assertThat(
                            endUsers(
                                    connection,
                                    "select * from request_logs where end_user = '" + bob + "'"))
                    .isEmpty();
        }
    }

    @Test
    void aUserCannotInsertForSomeoneElse() throws SQLException {
        try (Connection connection = actingAs("tokenledger_authenticated", alice)) {
            assertThatThrownBy(() -> insert(connection, bob, "jwt"))
                    .hasMessageContaining("row-level security");
        }
        try (Connection connection = actingAs("tokenledger_authenticated", alice)) {
            insert(connection, alice, "jwt");
            connection.commit();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tokenledger_authenticated",
                "tokenledger_anon",
                "tokenledger_ingest",
                "tokenledger_app"
            })
    void nobodyButTheServiceRoleUpdatesOrDeletes(String role) throws SQLException {
        for (String statement :
                List.of(
                        "update request_logs set model = 'x' where end_user = '" + alice + "'",
                        "delete from request_logs where end_user = '" + alice + "'")) {
            try (Connection connection =
                            role.equals("tokenledger_app")
                                    ? TestDatabase.runtimeRole()
                                    : actingAs(role, alice);
                    Statement sql = connection.createStatement()) {
                assertThatThrownBy(() -> sql.executeUpdate(statement))
                        .hasMessageContaining("permission denied");
            }
        }
        assertThat(
                        TestDatabase.count(
                                "select count(*) from request_logs where end_user = ?"
                                        + " and model = 'gpt-4o'",
                                alice))
                .isEqualTo(2);
    }

    @Test
    void theServiceRoleSeesAndChangesEverything() throws SQLException {
        try (Connection connection = actingAs("tokenledger_service", null);
                Statement sql = connection.createStatement()) {
            assertThat(
                            endUsers(
                                    connection,
                                    "select * from request_logs where end_user in ('"
                                            + alice
                                            + "', '"
                                            + bob
                                            + "')"))
                    .hasSize(3);
            assertThat(
                            sql.executeUpdate(
                                    "update request_logs set status = 'checked'"
                                            + " where end_user = '"
                                            + bob
                                            + "'"))
                    .isOne();
            assertThat(sql.executeUpdate("delete from request_logs where end_user = '" + bob + "'"))
                    .isOne();
            connection.rollback();
        }
    }

    @Test
    void anonymousCallersInsertOnlyMarkedRowsAndReadNothing() throws SQLException {
        try (Connection connection = actingAs("tokenledger_anon", null)) {
            insert(connection, alice, "anon");
            assertThatThrownBy(() -> endUsers(connection, "select * from request_logs"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection connection = actingAs("tokenledger_anon", null)) {
            assertThatThrownBy(() -> insert(connection, alice, "jwt"))
                    .hasMessageContaining("row-level security");
        }
    }

    @Test
    void gatewaysInsertForAnyoneAndReadNothing() throws SQLException {
        try (Connection connection = actingAs("tokenledger_ingest", "gateway")) {
            insert(connection, alice, "ingest");
            insert(connection, bob, "ingest");
            assertThatThrownBy(() -> endUsers(connection, "select * from request_logs"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void anIdentityEndsWithItsTransactionOnThePooledConnection() throws SQLException {
        try (Connection connection = actingAs("tokenledger_authenticated", alice)) {
            assertThat(endUsers(connection, "select * from request_logs")).hasSize(2);
            connection.commit();

            assertThat(endUsers(connection, "select * from request_logs")).isEmpty();
            connection.rollback();
        }
    }

    @Test
    void aCallerCannotClaimTheServiceRoleWithoutTheApplication() throws SQLException {
        try (Connection connection = TestDatabase.runtimeRole();
                Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("set role postgres"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> sql.execute("set role tokenledger_owner"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void theTableIsForcedUnderRowLevelSecurity() {
        assertThat(
                        TestDatabase.count(
                                "select count(*) from pg_class where relname = 'request_logs' and"
                                        + " relrowsecurity and relforcerowsecurity"))
                .isOne();
        assertThat(
                        TestDatabase.count(
                                "select count(*) from pg_roles where rolname = 'tokenledger_app'"
                                    + " and not rolsuper and not rolbypassrls and not rolinherit"))
                .isOne();
    }
}
