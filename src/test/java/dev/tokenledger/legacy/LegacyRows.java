package dev.tokenledger.legacy;

import dev.tokenledger.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The rows of the shared usage_logs_legacy.sql, stored in request_logs the way the mapping puts
 * them, for users unique to one test run (so tests never see each other's rows), plus a row for a
 * user with a single early request and one api_key row above 1,000 tokens. Written as the
 * administrator: row 7 has no model, which only a migration (not the API) may store.
 */
public record LegacyRows(
        String run,
        String user123,
        String user456,
        String user789,
        String unicodeUser,
        String soloUser) {

    public static LegacyRows seed() {
        String run = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        LegacyRows rows =
                new LegacyRows(
                        run,
                        run + "-user-123",
                        run + "-user-456",
                        run + "-user-789",
                        run + "-usér-ünïcode",
                        run + "-solo");
        rows.insert();
        return rows;
    }

    private void insert() {
        Object[][] legacy = {
            {
                user123,
                "sess-a",
                "gpt-4o",
                1200L,
                300L,
                1500L,
                "0.0105",
                "2025-05-01 09:15:00",
                "jwt"
            },
            {
                user123,
                "sess-a",
                "gpt-4o-mini",
                800L,
                120L,
                920L,
                "0.000192",
                "2025-05-01 23:59:59.999",
                "jwt"
            },
            {user123, null, "gpt-4o", 10L, 5L, 15L, "0.0001", "2025-05-02 00:00:00", "api_key"},
            {
                user456,
                "sess-b",
                "claude-3-5-sonnet",
                5000L,
                1000L,
                6000L,
                "0.03",
                "2025-05-03 12:00:00",
                "anon"
            },
            {
                user456,
                "sess-b",
                "claude-3-5-sonnet",
                9L,
                1L,
                10L,
                null,
                "2025-05-03 12:00:01",
                "anon"
            },
            {
                null,
                run + "-sess-c",
                "gpt-4o-mini",
                50L,
                50L,
                100L,
                "0.00003",
                "2025-05-04 08:00:00",
                "anon"
            },
            {user789, "sess-d", null, 100L, 0L, 100L, "0.0", "2025-05-05 10:30:00", null},
            {user789, "sess-d", "gpt-4o", 70L, 30L, null, "0.0007", "2025-05-05 10:31:00", "jwt"},
            {unicodeUser, "sess-é", "gpt-4o", 1L, 1L, 2L, "0.00001", "2025-05-06 00:00:00", "jwt"},
            {
                user123,
                "sess-a",
                "gpt-4o",
                2147483647L,
                0L,
                2147483647L,
                "12345.6789012345",
                "2025-05-07 00:00:00",
                "service"
            },
            {soloUser, "sess-s", "gpt-4o", 3L, 4L, 7L, "0.02", "2025-04-30 08:00:00", "jwt"},
            {
                user789,
                "sess-d",
                "gpt-4o",
                4000L,
                1500L,
                5500L,
                "0.05",
                "2025-05-05 11:00:00",
                "api_key"
            },
        };
        try (Connection connection = TestDatabase.admin();
                PreparedStatement insert =
                        connection.prepareStatement(
                                """
                                insert into request_logs (id, request_id, request_scope, created_at,
                                                          end_user, model, total_cost,
                                                          additional_details)
                                values (gen_random_uuid(), ?, 'service',
                                        ?::timestamp at time zone 'UTC', ?, ?,
                                        ?::numeric, jsonb_strip_nulls(jsonb_build_object(
                                            'session_id', ?::text, 'input_tokens', ?::bigint,
                                            'output_tokens', ?::bigint, 'total_tokens', ?::bigint,
                                            'auth_method', ?::text)))
                                """)) {
            for (int i = 0; i < legacy.length; i++) {
                Object[] row = legacy[i];
                insert.setString(1, run + "-" + i);
                insert.setString(2, (String) row[7]);
                insert.setString(3, (String) row[0]);
                insert.setString(4, (String) row[2]);
                insert.setString(5, (String) row[6]);
                insert.setString(6, (String) row[1]);
                insert.setObject(7, row[3]);
                insert.setObject(8, row[4]);
                insert.setObject(9, row[5]);
                insert.setString(10, (String) row[8]);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException failed) {
            throw new IllegalStateException("seeding the legacy rows failed", failed);
        }
    }
}
