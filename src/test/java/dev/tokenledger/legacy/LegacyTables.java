package dev.tokenledger.legacy;

import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.TestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Legacy usage_logs tables for tests, each in a schema of its own and owned by the owner role, as
 * an operator would hand it over: the shared case file (src/test/resources/legacy, a copy of the
 * project's shared legacy case) or a generated table of any size in the same shape.
 */
public final class LegacyTables {

    private static final String SHARED_FILE = "/legacy/usage_logs_legacy.sql";

    /**
     * Rows of every kind the shared file has, by arithmetic on g: NULLs in every nullable column,
     * totals to fill in and totals that cannot be, costs written with up to six decimals and costs
     * that are the result of float arithmetic (16 or 17 significant digits, which a cast rounding
     * to 15 would lose), times with milliseconds, unicode model names.
     */
    private static final String GENERATE =
            """
            insert into usage_logs
            select md5(? || ':' || g)::uuid,
                   case when g % 97 = 0 then null else 'user-' || (g % 1000) end,
                   case when g % 13 = 0 then null else 'sess-' || (g % 5000) end,
                   case when g % 89 = 0 then null
                        else (array['gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet',
                                    'llama-3.1-70b', 'modèle-ünïcode'])[1 + g % 5] end,
                   case when g % 23 = 0 then null else g % 5000 end,
                   g % 700,
                   case when g % 11 = 0 then null else g % 5000 + g % 700 + g % 3 end,
                   case when g % 17 = 0 then null
                        when g % 31 = 0 then (g % 1000 + 1)::float8 / 3 + 0.1::float8
                        else ((g % 100000)::numeric / 1000000)::float8 end,
                   timestamp '2024-01-01' + g * interval '7 seconds'
                       + (g % 1000) * interval '1 millisecond',
                   (array['jwt', 'api_key', 'anon', 'service'])[1 + g % 4]
            from generate_series(1, ?) g
            """;

    private LegacyTables() {}

    /** A new, empty schema the owner role owns, in a database whose schema is up to date. */
    public static String freshSchema() {
        TestSchema.migrate();
        String schema =
                "legacy_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        admin("create schema " + schema + " authorization " + TestDatabase.OWNER);
        return schema;
    }

    /**
     * The shared file loaded into a fresh schema. Its ids are fixed, so request_logs rows an
     * earlier test migrated from it are removed first.
     */
    public static String withSharedFile() {
        String schema = freshSchema();
        asOwner(schema, sharedFile());
        forgetMigratedRows(schema);
        return schema;
    }

    /** The shared file's table, empty, filled with {@code rows} generated rows. */
    public static String generated(int rows) {
        String schema = freshSchema();
        String file = sharedFile();
        asOwner(schema, file.substring(0, file.indexOf("insert into")));
        try (Connection connection = TestDatabase.admin()) {
            enter(connection, schema);
            try (PreparedStatement insert = connection.prepareStatement(GENERATE)) {
                insert.setString(1, schema);
                insert.setInt(2, rows);
                insert.executeUpdate();
            }
            analyze(connection);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
        return schema;
    }

    /** Runs SQL as the owner role with the schema first on the search path. */
    public static void asOwner(String schema, String sql) {
        try (Connection connection = TestDatabase.admin()) {
            enter(connection, schema);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    public static void admin(String sql) {
        try (Connection connection = TestDatabase.admin();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    public static void forgetMigratedRows(String schema) {
        admin("delete from request_logs where id in (select id from " + schema + ".usage_logs)");
    }

    public static String sharedFile() {
        try (InputStream in = LegacyTables.class.getResourceAsStream(SHARED_FILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void enter(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set role " + TestDatabase.OWNER);
            statement.execute("set search_path to " + schema + ", public");
        }
    }

    private static void analyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze usage_logs");
        }
    }
}
