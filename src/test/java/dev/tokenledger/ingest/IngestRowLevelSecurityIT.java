package dev.tokenledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ingestion tables' access rules inside PostgreSQL (the HTTP side of the same rules is in
 * AccessMatrixIT, with every other endpoint).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IngestRowLevelSecurityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    @Test
    void theIngestRoleInsertsThroughTheDatabaseButReadsNothing() throws SQLException {
        try (Connection connection = TestDatabase.runtimeRole()) {
            connection.setAutoCommit(false);
            actAs(connection, "tokenledger_ingest");

            assertThat(
                            single(
                                    connection,
                                    "select count(*) from model_price_quote('m', now(),"
                                            + " 1, 1, 0)"))
                    .as("may price")
                    .isEqualTo("0");
            assertRefused(connection, "select count(*) from ingest_dead_letters");
            assertRefused(connection, "select count(*) from model_prices");
            assertRefused(connection, "select count(*) from request_logs");
            assertRefused(
                    connection,
                    "insert into model_prices (id, model_pattern, input_price, output_price,"
                            + " valid_from) values (gen_random_uuid(), 'm', 0, 0, now())");
            connection.rollback();
        }
    }

    @Test
    void usersAndAnonymousCallersCannotTouchTheCatalogOrTheDeadLetters() throws SQLException {
        for (String role : List.of("tokenledger_anon", "tokenledger_authenticated")) {
            try (Connection connection = TestDatabase.runtimeRole()) {
                connection.setAutoCommit(false);
                actAs(connection, role);

                assertRefused(connection, "select count(*) from ingest_dead_letters");
                assertRefused(connection, "select count(*) from model_prices");
                assertRefused(connection, "select * from model_price_quote('m', now(), 1, 1, 0)");
                connection.rollback();
            }
        }
    }

    @Test
    void theRuntimeRoleWithoutACallerSeesNothingOfTheNewTables() throws SQLException {
        try (Connection connection = TestDatabase.runtimeRole()) {
            assertRefused(connection, "select count(*) from ingest_dead_letters");
            assertRefused(connection, "select count(*) from model_prices");
        }
    }

    private static void actAs(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select set_config('role', ?, true)")) {
            statement.setString(1, role);
            statement.execute();
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The statement fails with insufficient privilege; the savepoint keeps the rest going. */
    private static void assertRefused(Connection connection, String sql) throws SQLException {
        boolean inTransaction = !connection.getAutoCommit();
        var savepoint = inTransaction ? connection.setSavepoint() : null;
        assertThatThrownBy(() -> single(connection, sql))
                .isInstanceOfSatisfying(
                        SQLException.class,
                        refused -> assertThat(refused.getSQLState()).as(sql).isEqualTo("42501"));
        if (inTransaction) {
            connection.rollback(savepoint);
        }
    }
}
