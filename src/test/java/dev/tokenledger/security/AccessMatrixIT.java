package dev.tokenledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.legacy.LegacyTables;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.LiteLlmCases;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint the application documents in its own /openapi, called by every kind of caller with
 * every method, against explicit expected statuses. An endpoint missing from the table below fails
 * the test, so no new endpoint escapes the access rules unexamined. No response to anyone but the
 * owner (or the service role) may contain the owner's rows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixIT {

    static final List<String> CALLERS =
            List.of("none", "anon", "userA", "userB", "service", "ingest", "expired", "badsig");
    static final List<String> METHODS =
            List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE");

    /** Callers in the order of {@link #CALLERS}; methods not listed answer {@link #UNSUPPORTED}. */
    static final String UNSUPPORTED = "405 405 405 405 405 405 401 401";

    static final String OPTIONS = "200 200 200 200 200 200 401 401";
    static final String PUBLIC = "200 200 200 200 200 200 401 401";
    static final String READERS = "401 403 200 200 200 403 401 401";
    static final String OWNER_READERS = "401 403 200 404 200 403 401 401";
    static final String WRITERS_AS_A = "201 201 201 403 201 201 401 401";
    static final String GATEWAYS = "401 403 403 403 201 201 401 401";
    static final String SERVICE_READS = "401 403 403 403 200 403 401 401";
    static final String SERVICE_CREATES = "401 403 403 403 201 403 401 401";
    static final String SERVICE_DELETES = "401 403 403 403 204 403 401 401";
    static final String SERVICE_CHANGES = SERVICE_DELETES;
    static final String SERVICE_NOT_FOUND = "401 403 403 403 404 403 401 401";
    static final String SERVICE_CONFLICT = "401 403 403 403 409 403 401 401";
    static final String SERVICE_INVALID = "401 403 403 403 422 403 401 401";
    static final String MIGRATION = "/api/v1/legacy/migration";

    static final Map<String, Map<String, String>> EXPECTED =
            Map.ofEntries(
                    Map.entry("/api/v1/health", Map.of("GET", PUBLIC, "HEAD", PUBLIC)),
                    Map.entry(
                            "/api/v1/request-logs",
                            Map.of("GET", READERS, "HEAD", READERS, "POST", WRITERS_AS_A)),
                    Map.entry(
                            "/api/v1/request-logs/{id}",
                            Map.of("GET", OWNER_READERS, "HEAD", OWNER_READERS)),
                    Map.entry("/api/v1/usage/summary", Map.of("GET", READERS, "HEAD", READERS)),
                    Map.entry("/api/v1/ingest/litellm", Map.of("POST", GATEWAYS)),
                    Map.entry(
                            "/api/v1/ingest/dead-letters",
                            Map.of("GET", SERVICE_READS, "HEAD", SERVICE_READS)),
                    Map.entry(
                            "/api/v1/ingest/dead-letters/{id}",
                            Map.of(
                                    "GET",
                                    SERVICE_READS,
                                    "HEAD",
                                    SERVICE_READS,
                                    "DELETE",
                                    SERVICE_DELETES)),
                    Map.entry(
                            "/api/v1/model-prices",
                            Map.of(
                                    "GET",
                                    SERVICE_READS,
                                    "HEAD",
                                    SERVICE_READS,
                                    "POST",
                                    SERVICE_CREATES)),
                    Map.entry(
                            "/api/v1/model-prices/{id}",
                            Map.of(
                                    "GET",
                                    SERVICE_READS,
                                    "HEAD",
                                    SERVICE_READS,
                                    "PUT",
                                    SERVICE_READS,
                                    "DELETE",
                                    SERVICE_DELETES)),
                    Map.entry(
                            "/api/v1/unpriced-models",
                            Map.of("GET", SERVICE_READS, "HEAD", SERVICE_READS)),
                    Map.entry("/api/v1/unpriced-models/recompute", Map.of("POST", SERVICE_READS)),
                    Map.entry("/api/v1/legacy/sql", Map.of("POST", READERS)),
                    Map.entry(
                            "/rest/v1/usage_logs",
                            Map.of(
                                    "GET",
                                    READERS,
                                    "HEAD",
                                    READERS,
                                    "POST",
                                    WRITERS_AS_A,
                                    "PATCH",
                                    SERVICE_CHANGES,
                                    "DELETE",
                                    SERVICE_DELETES)),
                    // The migration steps run against a schema with no legacy table: nothing moves.
                    Map.entry(MIGRATION, Map.of("GET", SERVICE_READS, "HEAD", SERVICE_READS)),
                    Map.entry(MIGRATION + "/dry-run", Map.of("POST", SERVICE_NOT_FOUND)),
                    Map.entry(MIGRATION + "/run", Map.of("POST", SERVICE_NOT_FOUND)),
                    Map.entry(MIGRATION + "/verify", Map.of("POST", SERVICE_NOT_FOUND)),
                    Map.entry(MIGRATION + "/finish", Map.of("POST", SERVICE_NOT_FOUND)),
                    Map.entry(MIGRATION + "/drop", Map.of("POST", SERVICE_INVALID)),
                    Map.entry(MIGRATION + "/view", Map.of("POST", SERVICE_READS)),
                    Map.entry(MIGRATION + "/stop", Map.of("POST", SERVICE_CONFLICT)));

    /**
     * How to call a documented path: a concrete path and a request body, both made afresh for each
     * call, so that one caller's successful DELETE or POST never changes the next caller's answer.
     */
    record Target(Function<String, String> path, Supplier<String> body) {

        static Target at(String path) {
            return new Target(method -> path, () -> null);
        }

        static Target posting(String path, Supplier<String> body) {
            return new Target(method -> path, body);
        }
    }

    Map<String, Target> targets() {
        Map<String, Target> targets = new HashMap<>();
        EXPECTED.keySet().forEach(path -> targets.put(path, Target.at(path)));
        targets.put(
                "/api/v1/request-logs",
                Target.posting(
                        "/api/v1/request-logs",
                        () -> "{\"model\": \"matrix\", \"end_user\": \"" + userA + "\"}"));
        targets.put("/api/v1/request-logs/{id}", Target.at("/api/v1/request-logs/" + rowOfA));
        targets.put(
                "/api/v1/ingest/litellm",
                Target.posting(
                        "/api/v1/ingest/litellm",
                        () -> LiteLlmCases.payload(TestData.user(), "gpt-4o", "0.1").toString()));
        targets.put(
                "/api/v1/ingest/dead-letters/{id}",
                new Target(method -> "/api/v1/ingest/dead-letters/" + newDeadLetter(), () -> null));
        targets.put(
                "/api/v1/model-prices",
                Target.posting("/api/v1/model-prices", AccessMatrixIT::priceBody));
        targets.put(
                "/api/v1/model-prices/{id}",
                new Target(
                        method -> "/api/v1/model-prices/" + newPrice(), AccessMatrixIT::priceBody));
        targets.put(
                "/api/v1/unpriced-models/recompute",
                new Target(
                        method -> "/api/v1/unpriced-models/recompute?model=" + UUID.randomUUID(),
                        () -> null));
        targets.put(
                "/api/v1/legacy/sql",
                Target.posting(
                        "/api/v1/legacy/sql",
                        () -> "{\"sql\": \"SELECT count(*) FROM usage_logs\", \"execute\": true}"));
        String schema = LegacyTables.freshSchema();
        EXPECTED.keySet().stream()
                .filter(path -> path.startsWith(MIGRATION))
                .forEach(
                        path ->
                                targets.put(
                                        path,
                                        // stop ends whatever step runs: it takes no schema
                                        Target.at(
                                                path.endsWith("/stop")
                                                        ? path
                                                        : path + "?schema=" + schema)));
        // Reads ask for user A's rows; changes aim at a throwaway user so A's rows stay.
        targets.put(
                "/rest/v1/usage_logs",
                new Target(
                        method ->
                                "/rest/v1/usage_logs?user_id=eq."
                                        + (List.of("PATCH", "DELETE").contains(method)
                                                ? TestData.user()
                                                : userA),
                        () -> "{\"user_id\": \"" + userA + "\", \"model_name\": \"matrix\"}"));
        return targets;
    }

    static String priceBody() {
        return Api.write(
                Map.of(
                        "model_pattern",
                        "matrix-" + UUID.randomUUID(),
                        "input_price",
                        "0.1",
                        "output_price",
                        "0.2",
                        "valid_from",
                        "2025-01-01"));
    }

    String newPrice() {
        Api.Reply reply = callers.get("service").post("/api/v1/model-prices", priceBody());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    String newDeadLetter() {
        JsonNode payload = LiteLlmCases.payload(TestData.user(), "gpt-4o", "-1");
        Api.Reply reply = callers.get("ingest").post("/api/v1/ingest/litellm", payload.toString());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        return TestDatabase.text(
                "select id::text from ingest_dead_letters where request_id = ?",
                payload.get("litellm_call_id").asText());
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    String userA;
    String rowOfA;
    Map<String, Api> callers;

    @BeforeEach
    void callersAndARowOfA() {
        Tokens tokens = Tokens.forTests();
        userA = TestData.user();
        String userB = TestData.user();
        Api api = Api.at(base);
        callers = new LinkedHashMap<>();
        callers.put("none", api.anonymous());
        callers.put("anon", api.as(tokens.anon()));
        callers.put("userA", api.as(tokens.user(userA)));
        callers.put("userB", api.as(tokens.user(userB)));
        callers.put("service", api.as(tokens.service()));
        callers.put("ingest", api.as(tokens.ingest()));
        callers.put("expired", api.as(tokens.expiredUser(userA)));
        callers.put(
                "badsig",
                api.as(new Tokens("a-different-secret-of-32-bytes-or-more!").user(userA)));
        rowOfA =
                callers.get("userA")
                        .post("/api/v1/request-logs", "{\"model\": \"matrix\"}")
                        .json()
                        .get("id")
                        .asText();
    }

    @Test
    void everyDocumentedEndpointAnswersEveryCallerAsTheRulesSay() {
        Set<String> documented = documentedPaths();
        assertThat(documented)
                .as("endpoints in /openapi without expectations here")
                .isSubsetOf(EXPECTED.keySet());
        assertThat(EXPECTED.keySet())
                .as("expectations for endpoints no longer documented")
                .isSubsetOf(documented);

        Map<String, Target> targets = targets();
        List<String> mismatches = new ArrayList<>();
        for (String path : documented) {
            for (String method : METHODS) {
                String[] expected = expectation(path, method).split(" ");
                for (int i = 0; i < CALLERS.size(); i++) {
                    check(
                                    path,
                                    targets.get(path),
                                    method,
                                    CALLERS.get(i),
                                    Integer.parseInt(expected[i]))
                            .ifPresent(mismatches::add);
                }
            }
        }

        assertThat(mismatches).isEmpty();
    }

    static String expectation(String path, String method) {
        if (method.equals("OPTIONS")) {
            return OPTIONS;
        }
        return EXPECTED.get(path).getOrDefault(method, UNSUPPORTED);
    }

    Optional<String> check(String path, Target target, String method, String caller, int expected) {
        boolean sendsBody = List.of("POST", "PUT", "PATCH").contains(method);
        String body = sendsBody ? target.body().get() : null;
        Api.Reply reply =
                callers.get(caller)
                        .send(
                                method,
                                target.path().apply(method),
                                body != null
                                        ? BodyPublishers.ofString(body)
                                        : BodyPublishers.noBody(),
                                body != null ? "application/json" : null);
        List<String> problems = new ArrayList<>();
        if (reply.status() != expected) {
            problems.add("status " + reply.status() + " (expected " + expected + ")");
        }
        boolean owner = caller.equals("userA") || caller.equals("service");
        if (!owner && reply.body().contains(userA)) {
            problems.add("the body shows user A's data: " + reply.body());
        }
        if (reply.status() >= 400 && !method.equals("HEAD") && !errorDocument(path, reply)) {
            problems.add(
                    "error without an error document: " + reply.contentType() + " " + reply.body());
        }
        return problems.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        method + " " + path + " as " + caller + ": " + String.join("; ", problems));
    }

    /** RFC 9457 problems everywhere, but PostgREST's error shape in its dialect. */
    static boolean errorDocument(String path, Api.Reply reply) {
        String type = String.valueOf(reply.contentType());
        if (path.startsWith("/rest/v1/")) {
            return type.startsWith("application/json")
                    && reply.json().has("code")
                    && reply.json().has("message");
        }
        return type.startsWith("application/problem+json");
    }

    Set<String> documentedPaths() {
        JsonNode openapi = Api.at(base).get("/openapi?format=JSON").json();
        Set<String> paths = new TreeSet<>();
        Iterator<String> names = openapi.get("paths").fieldNames();
        names.forEachRemaining(paths::add);
        return paths;
    }
}
