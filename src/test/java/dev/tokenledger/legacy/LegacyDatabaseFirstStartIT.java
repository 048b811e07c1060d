package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenledger.legacy.MigrationCommand.Result;
import dev.tokenledger.platform.schema.SchemaMigrations;
import dev.tokenledger.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployment the migration exists for: Token Ledger's first start on a database whose public
 * schema still holds the legacy usage_logs table, then the operator's migration of that table.
 */
class LegacyDatabaseFirstStartIT {

    private String url;

    @BeforeEach
    void freshDatabaseWithOnlyTheLegacyTable() throws SQLException {
        String testUrl = System.getProperty("test.db.url");
        String name = testUrl.substring(testUrl.lastIndexOf('/') + 1) + "_legacy_first";
        url = testUrl.substring(0, testUrl.lastIndexOf('/') + 1) + name;
        LegacyTables.admin("drop database if exists " + name + " with (force)");
        LegacyTables.admin("create database " + name + " owner " + TestDatabase.OWNER);
    }

    @AfterEach
    void dropDatabase() {
        LegacyTables.admin(
                "drop database if exists "
                        + url.substring(url.lastIndexOf('/') + 1)
                        + " with (force)");
    }

    @Test
    void theSchemaComesUpBesideTheLegacyTableAndTheMigrationMovesItOver() throws SQLException {
        execute("set role " + TestDatabase.OWNER, LegacyTables.sharedFile());

        SchemaMigrations.flyway(TestDatabase.ownerDataSource(url), TestDatabase.RUNTIME).migrate();

        assertThat(count("select count(*) from request_logs")).isZero();
        assertThat(count("select count(*) from public.usage_logs")).as("untouched").isEqualTo(10);
        Result run = MigrationCommand.runOn(url, "run");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.report().get("inserted").asLong()).isEqualTo(10);
        assertThat(run.report().at("/verification/passed").asBoolean()).isTrue();
        Result finish = MigrationCommand.runOn(url, "finish");
        assertThat(finish.exitCode()).as(finish.toString()).isZero();
        assertThat(count("select count(*) from pg_tables where tablename = 'usage_logs'")).isZero();
        assertThat(count("select count(*) from request_logs")).isEqualTo(10);
    }

    @Test
    void aLegacyTableAnotherRoleOwnsIsNamedWithTheGrantsItNeeds() throws SQLException {
        execute(LegacyTables.sharedFile());
        SchemaMigrations.flyway(TestDatabase.ownerDataSource(url), TestDatabase.RUNTIME).migrate();

        Result dryRun = MigrationCommand.runOn(url, "dry-run");
        Result run = MigrationCommand.runOn(url, "run");
        Result verify = MigrationCommand.runOn(url, "verify");

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(1);
        assertThat(dryRun.report().get("problems").toString())
                .contains("GRANT SELECT ON public.usage_logs TO " + TestDatabase.OWNER);
        assertThat(dryRun.report().get("warnings").toString())
                .contains("ALTER TABLE public.usage_logs OWNER TO " + TestDatabase.OWNER);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("GRANT SELECT ON public.usage_logs");
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(3);
        assertThat(verify.err())
                .contains("GRANT SELECT ON public.usage_logs")
                .doesNotContain("\tat ");
        assertThat(count("select count(*) from request_logs")).isZero();

        execute("grant select on public.usage_logs to " + TestDatabase.OWNER);
        Result granted = MigrationCommand.runOn(url, "run");
        assertThat(granted.exitCode()).as(granted.toString()).isZero();
        Result unowned = MigrationCommand.runOn(url, "finish");
        assertThat(unowned.exitCode()).as(unowned.toString()).isEqualTo(3);
        assertThat(unowned.err()).contains("OWNER TO " + TestDatabase.OWNER);
        assertThat(count("select count(*) from public.usage_logs")).isEqualTo(10);
    }

    /** Statements as the administrator in the fresh database. */
    private void execute(String... statements) throws SQLException {
        try (Connection connection = admin();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = admin();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(
                url,
                System.getProperty("test.db.admin-user"),
                System.getProperty("test.db.admin-password", ""));
    }
}
