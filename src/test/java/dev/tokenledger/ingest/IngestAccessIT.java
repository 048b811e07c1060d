package dev.tokenledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.LiteLlmCases;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what with the ingestion and price-catalog endpoints, for every kind of caller and
 * every method, and the same rules once more inside PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IngestAccessIT {

    static final List<String> CALLERS = List.of("none", "anon", "user A", "user B", "service",
            "ingest", "expired", "forged");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    final Tokens tokens = Tokens.forTests();

    /** Expected statuses per caller, in the order of {@link #CALLERS}. */
    @Test
    void everyCallerGetsTheDocumentedAnswerForEveryMethod() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("litellm GET", "405 405 405 405 405 405 401 401");
        expected.put("litellm HEAD", "405 405 405 405 405 405 401 401");
        expected.put("litellm OPTIONS", "200 200 200 200 200 200 401 401");
        expected.put("litellm POST", "401 403 403 403 201 201 401 401");
        expected.put("litellm PUT", "405 405 405 405 405 405 401 401");
        expected.put("litellm PATCH", "405 405 405 405 405 405 401 401");
        expected.put("litellm DELETE", "405 405 405 405 405 405 401 401");
        expected.put("dead-letters GET", "401 403 403 403 200 403 401 401");
        expected.put("dead-letters HEAD", "401 403 403 403 200 403 401 401");
        expected.put("dead-letters POST", "405 405 405 405 405 405 401 401");
        expected.put("dead-letters DELETE", "405 405 405 405 405 405 401 401");
        expected.put("dead-letter GET", "401 403 403 403 200 403 401 401");
        expected.put("dead-letter PUT", "405 405 405 405 405 405 401 401");
        expected.put("dead-letter DELETE", "401 403 403 403 204 403 401 401");
        expected.put("model-prices GET", "401 403 403 403 200 403 401 401");
        expected.put("model-prices HEAD", "401 403 403 403 200 403 401 401");
        expected.put("model-prices OPTIONS", "200 200 200 200 200 200 401 401");
        expected.put("model-prices POST", "401 403 403 403 201 403 401 401");
        expected.put("model-prices PUT", "405 405 405 405 405 405 401 401");
        expected.put("model-prices PATCH", "405 405 405 405 405 405 401 401");
        expected.put("model-prices DELETE", "405 405 405 405 405 405 401 401");
        expected.put("model-price GET", "401 403 403 403 200 403 401 401");
        expected.put("model-price POST", "405 405 405 405 405 405 401 401");
        expected.put("model-price PUT", "401 403 403 403 200 403 401 401");
        expected.put("model-price PATCH", "405 405 405 405 405 405 401 401");
        expected.put("model-price DELETE", "401 403 403 403 204 403 401 401");
        expected.put("unpriced-models GET", "401 403 403 403 200 403 401 401");
        expected.put("unpriced-models POST", "405 405 405 405 405 405 401 401");
        expected.put("recompute GET", "405 405 405 405 405 405 401 401");
        expected.put("recompute POST", "401 403 403 403 200 403 401 401");

        Map<String, String> actual = new LinkedHashMap<>();
        expected.keySet().forEach(cell -> actual.put(cell, statuses(cell)));

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void theIngestRoleInsertsThroughTheDatabaseButReadsNothing() throws SQLException {
        try (Connection connection = TestDatabase.runtimeRole()) {
            connection.setAutoCommit(false);
            actAs(connection, "tokenledger_ingest");

            assertThat(single(connection, "select count(*) from model_price_quote('m', now(),"
                    + " 1, 1, 0)")).as("may price").isEqualTo("0");
            assertRefused(connection, "select count(*) from ingest_dead_letters");
            assertRefused(connection, "select count(*) from model_prices");
            assertRefused(connection, "select count(*) from request_logs");
            assertRefused(connection, "insert into model_prices (id, model_pattern, input_price,"
                    + " output_price, valid_from) values (gen_random_uuid(), 'm', 0, 0, now())");
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

    private String statuses(String cell) {
        String[] parts = cell.split(" ");
        List<String> statuses = new ArrayList<>();
        for (String caller : CALLERS) {
            Api api = caller(caller);
            String path = path(parts[0], caller);
            Api.Reply reply = api.send(parts[1], path, body(parts[0], parts[1]),
                    "application/json");
            statuses.add(String.valueOf(reply.status()));
        }
        return String.join(" ", statuses);
    }

    private Api caller(String caller) {
        Api api = Api.at(base);
        return switch (caller) {
            case "none" -> api;
            case "anon" -> api.as(tokens.anon());
            case "user A" -> api.as(tokens.user(TestData.user()));
            case "user B" -> api.as(tokens.user(TestData.user()));
            case "service" -> api.as(tokens.service());
            case "ingest" -> api.as(tokens.ingest());
            case "expired" -> api.as(tokens.expiredUser(TestData.user()));
            case "forged" -> api.as(new Tokens("a-different-secret-of-at-least-32-bytes!")
                    .service());
            default -> throw new IllegalArgumentException(caller);
        };
    }

    /** A fresh target per request, so a successful DELETE never starves the next caller. */
    private String path(String resource, String caller) {
        return switch (resource) {
            case "litellm" -> "/api/v1/ingest/litellm";
            case "dead-letters" -> "/api/v1/ingest/dead-letters";
            case "dead-letter" -> "/api/v1/ingest/dead-letters/" + deadLetter();
            case "model-prices" -> "/api/v1/model-prices";
            case "model-price" -> "/api/v1/model-prices/" + modelPrice();
            case "unpriced-models" -> "/api/v1/unpriced-models";
            case "recompute" -> "/api/v1/unpriced-models/recompute?model=" + UUID.randomUUID();
            default -> throw new IllegalArgumentException(resource + " for " + caller);
        };
    }

    private static BodyPublisher body(String resource, String method) {
        Supplier<String> json = switch (resource) {
            case "litellm" -> () -> LiteLlmCases.payload(TestData.user(), "gpt-4o", "0.1")
                    .toString();
            case "model-prices", "model-price" -> () -> Api.write(Map.of(
                    "model_pattern", "access-" + UUID.randomUUID(), "input_price", "0.1",
                    "output_price", "0.2", "valid_from", "2025-01-01"));
            default -> () -> "{}";
        };
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                ? BodyPublishers.ofString(json.get())
                : BodyPublishers.noBody();
    }

    private String deadLetter() {
        var payload = LiteLlmCases.payload(TestData.user(), "gpt-4o", "-1");
        Api.Reply reply = Api.at(base).as(tokens.ingest()).post("/api/v1/ingest/litellm",
                payload.toString());
        return reply.status() == 422
                ? TestDatabase.text("select id::text from ingest_dead_letters"
                        + " where request_id = ?", payload.get("litellm_call_id").asText())
                : fail(reply);
    }

    private String modelPrice() {
        Api.Reply reply = Api.at(base).as(tokens.service()).post("/api/v1/model-prices",
                Map.of("model_pattern", "access-" + UUID.randomUUID(), "input_price", "0.1",
                        "output_price", "0.2", "valid_from", "2025-01-01"));
        return reply.status() == 201 ? reply.json().get("id").asText() : fail(reply);
    }

    private static String fail(Api.Reply reply) {
        throw new AssertionError("setting up failed: " + reply);
    }

    private static void actAs(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('role', ?, true)")) {
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
                .isInstanceOfSatisfying(SQLException.class, refused ->
                        assertThat(refused.getSQLState()).as(sql).isEqualTo("42501"));
        if (inTransaction) {
            connection.rollback(savepoint);
        }
    }
}
