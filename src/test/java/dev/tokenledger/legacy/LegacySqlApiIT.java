package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Api.Reply;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.ServerLog;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /api/v1/legacy/sql over real HTTP. Each case of sql_queries.md is run through the translator
 * as a user, and the very same SQL text is run by the test against a usage_logs view of that user's
 * request_logs written here by hand: both answers must be equal.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LegacySqlApiIT {

    private static final String PATH = "/api/v1/legacy/sql";

    /** usage_logs restated by hand over one user's request_logs rows (what RLS shows them). */
    private static final String VIEW =
            """
            with usage_logs as (
                select id, end_user as user_id, additional_details ->> 'session_id' as session_id,
                       model as model_name,
                       (additional_details ->> 'input_tokens')::int as input_tokens,
                       (additional_details ->> 'output_tokens')::int as output_tokens,
                       (additional_details ->> 'total_tokens')::int as total_tokens,
                       total_cost as cost, created_at, additional_details ->> 'auth_method'
                           as auth_method
                from request_logs where end_user = ?)
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    private Reply post(String token, String sql, boolean execute) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sql", sql);
        body.put("execute", execute);
        return (token == null ? Api.at(base) : Api.at(base).as(token)).post(PATH, body);
    }

    @Test
    void everyListedReportAnswersAsTheOriginalSqlWouldHave() throws SQLException {
        LegacyRows rows = LegacyRows.seed();
        String[][] cases = {
            {rows.user123(), "SELECT * FROM usage_logs WHERE user_id = 'USER';"},
            {
                rows.user123(),
                "SELECT model_name, SUM(total_tokens) AS tokens, SUM(cost) AS spend"
                        + " FROM usage_logs WHERE user_id = 'USER' AND created_at >= '2025-05-01'"
                        + " GROUP BY model_name ORDER BY spend DESC;"
            },
            {
                rows.user123(),
                "SELECT session_id, COUNT(*) FROM usage_logs WHERE user_id = 'USER'"
                        + " GROUP BY session_id;"
            },
            {
                rows.user123(),
                "SELECT date_trunc('day', created_at) AS day, SUM(input_tokens), SUM(output_tokens)"
                        + " FROM usage_logs WHERE created_at BETWEEN '2025-05-01' AND '2025-05-31'"
                        + " GROUP BY 1 ORDER BY 1;"
            },
            {
                rows.user789(),
                "select * from usage_logs where auth_method = 'api_key' and"
                        + " total_tokens > 1000 order by created_at desc limit 20"
            },
            {
                rows.user123(),
                "SELECT ul.user_id, ul.cost FROM usage_logs ul WHERE ul.cost IS NOT"
                        + " NULL AND ul.model_name IN ('gpt-4o', 'gpt-4o-mini')"
            },
            {
                rows.user456(),
                "SELECT AVG(output_tokens)::int AS avg_out, MAX(cost) FROM"
                        + " usage_logs WHERE user_id = 'USER'"
            },
        };

        int[] rowCounts = {4, 2, 2, 3, 1, 4, 1};

        for (int i = 0; i < cases.length; i++) {
            String user = cases[i][0];
            String sql = cases[i][1].replace("'USER'", "'" + user + "'");

            Reply reply = post(tokens.user(user), sql, true);

            assertThat(reply.status()).as(sql + " -> " + reply.body()).isEqualTo(200);
            assertThat(normalized(reply.json().get("rows"))).as(sql).isEqualTo(original(sql, user));
            assertThat(reply.json().get("row_count").asInt()).as(sql).isEqualTo(rowCounts[i]);
        }
    }

    @Test
    void everyRefusedStatementSaysWhyAndTouchesNothing() {
        String token = tokens.service();
        long before = TestDatabase.rows();
        Map<String, String> refused =
                Map.of(
                        "DELETE FROM usage_logs WHERE user_id = 'user-123'",
                        "Only SELECT statements",
                        "SELECT * FROM usage_logs; DROP TABLE request_logs;",
                        "exactly one SELECT",
                        "SELECT * FROM request_logs",
                        "Only usage_logs can be queried",
                        "SELECT pg_sleep(10) FROM usage_logs",
                        "pg_sleep is not allowed",
                        "SELECT * FROM usage_logs WHERE user_id = 'x' UNION SELECT * FROM"
                                + " pg_catalog.pg_authid",
                        "UNION",
                        "SELECT * FROM usage_logs WHERE no_such_column = 1",
                        "no column no_such_column");

        refused.forEach(
                (sql, reason) -> {
                    for (boolean execute : new boolean[] {false, true}) {
                        Reply reply = post(token, sql, execute);
                        assertThat(reply.status()).as(sql).isEqualTo(422);
                        assertThat(reply.contentType()).startsWith("application/problem+json");
                        assertThat(reply.json().get("detail").asText()).as(sql).contains(reason);
                        assertThat(reply.json().at("/errors/0/parameter").asText())
                                .isEqualTo("sql");
                    }
                });

        assertThat(TestDatabase.rows()).isEqualTo(before);
    }

    @Test
    void aTranslationShowsParameterisedSqlUnderTheOldNamesWithoutRunningIt() {
        Reply reply =
                post(
                        null,
                        "SELECT model_name, SUM(cost) AS spend FROM usage_logs WHERE"
                                + " user_id = 'it''s me' GROUP BY model_name",
                        false);

        JsonNode body = reply.json();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(body.get("sql").asText())
                .isEqualTo(
                        "select request_logs.model as model_name,"
                                + " sum(request_logs.total_cost) as spend from request_logs where"
                                + " request_logs.end_user = $1 group by request_logs.model");
        assertThat(body.at("/parameters/0/value").asText()).isEqualTo("it's me");
        assertThat(body.get("columns").toString()).isEqualTo("[\"model_name\",\"spend\"]");
        assertThat(body.has("rows")).isFalse();
        assertThat(reply.header("Deprecation")).isNotNull();
    }

    @Test
    void aRunSeesOnlyTheCallersRows() {
        LegacyRows rows = LegacyRows.seed();
        String sql = "SELECT count(*) FROM usage_logs WHERE user_id = '" + rows.user123() + "'";

        JsonNode asOther = post(tokens.user(TestData.user()), sql, true).json();
        JsonNode asOwner = post(tokens.user(rows.user123()), sql, true).json();
        JsonNode asService = post(tokens.service(), sql, true).json();

        assertThat(asOther.at("/rows/0/0").asLong()).isZero();
        assertThat(asOwner.at("/rows/0/0").asLong()).isEqualTo(4);
        assertThat(asService.at("/rows/0/0").asLong()).isEqualTo(4);
    }

    @Test
    void aResultTooLargeToAnswerIsRefusedAndTheServerKeepsServing() {
        String user = TestData.user();
        String model = "M".repeat(255);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(TestData.log(null, model, 1, 1, null));
        }
        Api.at(base).as(tokens.user(user)).post("/api/v1/request-logs", batch);
        String concat = "concat(" + String.join(",", Collections.nCopies(99, "model_name")) + ")";
        String sql =
                "SELECT " + String.join(",", Collections.nCopies(8, concat)) + " FROM usage_logs";

        Reply reply = post(tokens.user(user), sql, true);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().get("detail").asText()).contains("larger than");
        assertThat(
                        Api.at(base)
                                .as(tokens.user(user))
                                .post("/api/v1/request-logs", "{\"model\": \"m\"}")
                                .status())
                .isEqualTo(201);
    }

    @Test
    void hugeNumbersAndDeepNestingAre422ProblemsAndLeaveNoStackTrace() {
        String token = tokens.user(TestData.user());
        String deep = "(".repeat(1000) + "cost > 1" + ")".repeat(1000);
        Map<String, String> refused =
                Map.of(
                        "SELECT count(*) FROM usage_logs WHERE cost > 1e999999",
                        "The number 1e999999",
                        "SELECT count(*) FROM usage_logs WHERE cost < 1e131072",
                        "The number 1e131072",
                        "SELECT count(*) FROM usage_logs WHERE " + deep,
                        "nests deeper than 48 levels");

        refused.forEach(
                (sql, reason) -> {
                    for (boolean execute : new boolean[] {false, true}) {
                        Reply reply = post(token, sql, execute);
                        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
                        assertThat(reply.contentType()).startsWith("application/problem+json");
                        assertThat(reply.json().get("detail").asText()).contains(reason);
                    }
                });

        assertThat(ServerLog.linesWith("illegal scale")).isEmpty();
        assertThat(ServerLog.linesWith("NullPointerException")).isEmpty();
    }

    @Test
    void resultNumbersTooLongToWritePlainlyAndNaNStillReachTheAnswer() {
        String user = TestData.user();
        Api.at(base).as(tokens.user(user)).post("/api/v1/request-logs", "{\"model\": \"m\"}");
        String tiny = String.join(" * ", Collections.nCopies(11, "1e-999"));

        Reply notANumber =
                post(
                        tokens.user(user),
                        "SELECT cast('NaN' AS numeric) AS n, 1e-99 * 1e-99 AS small"
                                + " FROM usage_logs",
                        true);
        Reply tooSmall = post(tokens.user(user), "SELECT " + tiny + " FROM usage_logs", true);

        assertThat(notANumber.status()).as(notANumber.body()).isEqualTo(200);
        assertThat(notANumber.json().at("/rows/0/0").asText()).isEqualTo("NaN");
        assertThat(notANumber.body()).contains("0." + "0".repeat(197) + "1");
        assertThat(tooSmall.status()).as(tooSmall.body()).isEqualTo(200);
        assertThat(tooSmall.body()).contains("[[1E-10989]]");
    }

    @Test
    void everyCallerGetsTheDocumentedStatus() {
        String sql = "SELECT count(*) FROM usage_logs";
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("none", null);
        callers.put("anon", tokens.anon());
        callers.put("user", tokens.user(TestData.user()));
        callers.put("service", tokens.service());
        callers.put("ingest", tokens.ingest());
        callers.put("expired", tokens.expiredUser(TestData.user()));
        callers.put("forged", new Tokens("another-secret-that-is-at-least-32-bytes").service());
        // caller -> POST translate, POST execute, GET, HEAD, OPTIONS, PUT, PATCH, DELETE
        Map<String, int[]> expected =
                Map.of(
                        "none", new int[] {200, 401, 405, 405, 200, 405, 405, 405},
                        "anon", new int[] {200, 403, 405, 405, 200, 405, 405, 405},
                        "user", new int[] {200, 200, 405, 405, 200, 405, 405, 405},
                        "service", new int[] {200, 200, 405, 405, 200, 405, 405, 405},
                        "ingest", new int[] {200, 403, 405, 405, 200, 405, 405, 405},
                        "expired", new int[] {401, 401, 401, 401, 401, 401, 401, 401},
                        "forged", new int[] {401, 401, 401, 401, 401, 401, 401, 401});

        callers.forEach(
                (name, token) -> {
                    Api api = token == null ? Api.at(base) : Api.at(base).as(token);
                    int[] statuses = {
                        post(token, sql, false).status(),
                        post(token, sql, true).status(),
                        api.get(PATH).status(),
                        api.send("HEAD", PATH, noBody(), null).status(),
                        api.send("OPTIONS", PATH, noBody(), null).status(),
                        api.send("PUT", PATH, BodyPublishers.ofString("{}"), "application/json")
                                .status(),
                        api.send("PATCH", PATH, BodyPublishers.ofString("{}"), "application/json")
                                .status(),
                        api.send("DELETE", PATH, noBody(), null).status()
                    };
                    assertThat(statuses).as(name).containsExactly(expected.get(name));
                });
    }

    private static BodyPublisher noBody() {
        return BodyPublishers.noBody();
    }

    /** The original SQL, run verbatim over the hand-written usage_logs view of one user. */
    private static List<List<String>> original(String sql, String user) throws SQLException {
        try (Connection connection = TestDatabase.admin();
                PreparedStatement utc = connection.prepareStatement("set time zone 'UTC'")) {
            utc.execute();
            try (PreparedStatement query =
                    connection.prepareStatement(VIEW + sql.replaceAll(";\\s*$", ""))) {
                query.setString(1, user);
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            Object value =
                                    result.getMetaData().getColumnTypeName(i).equals("timestamptz")
                                            ? result.getObject(i, OffsetDateTime.class)
                                            : result.getObject(i);
                            row.add(canonical(value));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        }
    }

    private static List<List<String>> normalized(JsonNode rows) {
        List<List<String>> result = new ArrayList<>();
        for (JsonNode row : rows) {
            List<String> values = new ArrayList<>();
            row.forEach(
                    value ->
                            values.add(
                                    value.isNull()
                                            ? canonical(null)
                                            : value.isNumber()
                                                    ? canonical(value.decimalValue())
                                                    : canonical(value.asText())));
            result.add(values);
        }
        return result;
    }

    /** One text per value, so a JSON answer and a JDBC row compare: exact numbers, instants. */
    private static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        try {
            return OffsetDateTime.parse(value.toString()).toInstant().toString();
        } catch (DateTimeParseException notATime) {
            return value.toString();
        }
    }
}
