package dev.tokenledger.testing;

import dev.tokenledger.platform.schema.SchemaMigrations;

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
            SchemaMigrations.flyway(
                            TestDatabase.ownerDataSource(System.getProperty("test.db.url")),
                            TestDatabase.RUNTIME)
                    .migrate();
            migrated = true;
        }
    }
}
