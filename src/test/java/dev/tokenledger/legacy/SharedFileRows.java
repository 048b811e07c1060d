package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokenledger.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the shared legacy file must become in request_logs, written out by hand column by column:
 * costs as their exact decimal text, times in UTC, NULLs left out of additional_details, row 8's
 * missing total filled in from 70 + 30.
 */
final class SharedFileRows {

    record Row(
            String id,
            String endUser,
            String model,
            String totalCost,
            String createdAt,
            String details) {}

    static final List<Row> EXPECTED =
            List.of(
                    new Row(
                            "00000000-0000-0000-0000-000000000001",
                            "user-123",
                            "gpt-4o",
                            "0.0105",
                            "2025-05-01T09:15:00Z",
                            """
                            {"session_id": "sess-a", "input_tokens": 1200, "output_tokens": 300,
                             "total_tokens": 1500, "auth_method": "jwt"}\
                            """),
                    new Row(
                            "00000000-0000-0000-0000-000000000002",
                            "user-123",
                            "gpt-4o-mini",
                            "0.000192",
                            "2025-05-01T23:59:59.999Z",
                            """
                            {"session_id": "sess-a", "input_tokens": 800, "output_tokens": 120,
                             "total_tokens": 920, "auth_method": "jwt"}\
                            """),
                    new Row(
                            "00000000-0000-0000-0000-000000000003",
                            "user-123",
                            "gpt-4o",
                            "0.0001",
                            "2025-05-02T00:00:00Z",
                            """
                            {"input_tokens": 10, "output_tokens": 5, "total_tokens": 15,
                             "auth_method": "api_key"}\
                            """),
                    new Row(
                            "00000000-0000-0000-0000-000000000004",
                            "user-456",
                            "claude-3-5-sonnet",
                            "0.03",
                            "2025-05-03T12:00:00Z",
                            """
                            {"session_id": "sess-b", "input_tokens": 5000, "output_tokens": 1000,
                             "total_tokens": 6000, "auth_method": "anon"}\
                            """),
                    new Row(
                            "00000000-0000-0000-0000-000000000005",
                            "user-456",
                            "claude-3-5-sonnet",
                            null,
                            "2025-05-03T12:00:01Z",
                            """
                            {"session_id": "sess-b", "input_tokens": 9, "output_tokens": 1,
                             "total_tokens": 10, "auth_method": "anon"}\
                            """),
                    new Row(
                            "00000000-0000-0000-0000-000000000006",
                            null,
                            "gpt-4o-mini",
                            "0.00003",
                            "2025-05-04T08:00:00Z",
                            """
                            {"session_id": "sess-c", "input_tokens": 50, "output_tokens": 50,
                             "total_tokens": 100, "auth_method": "anon"}\
                            """),
                    new Row(
                            "00000000-0000-0000-0000-000000000007",
                            "user-789",
                            null,
                            "0",
                            "2025-05-05T10:30:00Z",
                            """
                            {"session_id": "sess-d", "input_tokens": 100, "output_tokens": 0,
                             "total_tokens": 100}\
                            """),
                    new Row(
                            "00000000-0000-0000-0000-000000000008",
                            "user-789",
                            "gpt-4o",
                            "0.0007",
                            "2025-05-05T10:31:00Z",
                            """
                            {"session_id": "sess-d", "input_tokens": 70, "output_tokens": 30,
                             "total_tokens": 100, "auth_method": "jwt"}\
                            """),
                    new Row(
                            "00000000-0000-0000-0000-000000000009",
                            "usér-ünïcode",
                            "gpt-4o",
                            "0.00001",
                            "2025-05-06T00:00:00Z",
                            """
                            {"session_id": "sess-é", "input_tokens": 1, "output_tokens": 1,
                             "total_tokens": 2, "auth_method": "jwt"}\
                            """),
                    new Row(
                            "00000000-0000-0000-0000-000000000010",
                            "user-123",
                            "gpt-4o",
                            "12345.6789012345",
                            "2025-05-07T00:00:00Z",
                            """
                            {"session_id": "sess-a", "input_tokens": 2147483647, "output_tokens": 0,
                             "total_tokens": 2147483647, "auth_method": "service"}\
                            """));

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedFileRows() {}

    /** Every column of every row, read back as stored; fails naming the row and column. */
    static void assertMigratedExactly() {
        List<Row> stored = stored();
        assertThat(stored).hasSameSizeAs(EXPECTED);
        for (int i = 0; i < EXPECTED.size(); i++) {
            Row expected = EXPECTED.get(i);
            Row actual = stored.get(i);
            assertThat(actual)
                    .as("row %s", expected.id())
                    .usingRecursiveComparison()
                    .ignoringFields("details")
                    .isEqualTo(expected);
            assertThat(json(actual.details()))
                    .as("additional_details of %s", expected.id())
                    .isEqualTo(json(expected.details()));
        }
        assertThat(
                        TestDatabase.count(
                                "select count(*) from request_logs where id = any(?::uuid[]) and"
                                        + " (request_id is not null or status is not null or"
                                        + " content_hash is not null)",
                                (Object) ids()))
                .as("columns usage_logs has no value for")
                .isZero();
    }

    static String[] ids() {
        return EXPECTED.stream().map(Row::id).toArray(String[]::new);
    }

    /** Each row's xmin: unchanged when no statement wrote the row again. */
    static List<String> versions() {
        List<String> versions = new ArrayList<>();
        query(
                "select xmin::text from request_logs where id = any(?::uuid[]) order by id",
                row -> versions.add(row.getString(1)));
        return versions;
    }

    private static List<Row> stored() {
        List<Row> rows = new ArrayList<>();
        query(
                "select id, end_user, model, total_cost::text, created_at, additional_details::text"
                        + " from request_logs where id = any(?::uuid[]) order by id",
                row ->
                        rows.add(
                                new Row(
                                        row.getObject(1, UUID.class).toString(),
                                        row.getString(2),
                                        row.getString(3),
                                        row.getString(4),
                                        row.getObject(5, OffsetDateTime.class)
                                                .toInstant()
                                                .toString(),
                                        row.getString(6))));
        return rows;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(String sql, RowReader reader) {
        try (Connection connection = TestDatabase.admin();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, ids());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static Object json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }
}
