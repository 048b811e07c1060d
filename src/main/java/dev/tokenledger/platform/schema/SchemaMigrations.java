package dev.tokenledger.platform.schema;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** How Flyway brings a Token Ledger database up to date: one place, for the server and tests. */
public final class SchemaMigrations {

    private SchemaMigrations() {}

    /**
     * Flyway over the given owner connection. {@code runtimeRole} is the role the migrations grant
     * the application's privileges to.
     */
    public static Flyway flyway(DataSource owner, String runtimeRole) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(owner)
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtime_role", runtimeRole))
                // A database that still holds the legacy usage_logs table is not empty, yet none
                // of our migrations has run on it: baselining below V1 lets every one of them run
                // there, beside the table the usage_logs migration will read.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
