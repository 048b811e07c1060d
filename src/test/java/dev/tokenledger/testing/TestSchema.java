package dev.tokenledger.testing;

import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Brings the test database's schema up to date exactly as the server does at start-up (same
 * migrations, same placeholders, as the owner role), for tests that use the database without a
 * deployed server. Harmless when the server has already done it.
 */
public final class TestSchema {

    private static boolean migrated;

    private TestSchema() {}

    public static synchronized void migrate() {
        if (!migrated) {
            Flyway.configure(TestSchema.class.getClassLoader())
                    .dataSource(
                            System.getProperty("test.db.url"),
                            TestDatabase.OWNER,
                            TestDatabase.OWNER_PASSWORD)
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("runtime_role", "tokenledger_app"))
                    .load()
                    .migrate();
            migrated = true;
        }
    }
}
