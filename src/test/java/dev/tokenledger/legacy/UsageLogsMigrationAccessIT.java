package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Api.Reply;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
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
 * Who may operate the migration, endpoint by endpoint and method by method: the service role only.
 * Every call names a schema without a legacy table, so nothing is migrated here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsageLogsMigrationAccessIT {

    static final String MIGRATION = "/api/v1/legacy/migration";
    static final List<String> ACTIONS =
            List.of("/dry-run", "/run", "/verify", "/finish", "/drop", "/view", "/stop");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    @Test
    void everyoneButTheServiceRoleIsRefused() {
        String schema = LegacyTables.freshSchema();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no token", null);
        callers.put("anon", tokens.anon());
        callers.put("user", tokens.user(TestData.user()));
        callers.put("ingest", tokens.ingest());
        callers.put("expired", tokens.expiredUser(TestData.user()));
        callers.put(
                "wrongly signed", new Tokens("another-secret-that-is-32-bytes-long!").service());
        Map<String, Integer> expected =
                Map.of(
                        "no token",
                        401,
                        "anon",
                        403,
                        "user",
                        403,
                        "ingest",
                        403,
                        "expired",
                        401,
                        "wrongly signed",
                        401);

        callers.forEach(
                (caller, token) -> {
                    Api api = token == null ? Api.at(base) : Api.at(base).as(token);
                    assertThat(api.get(MIGRATION + "?schema=" + schema).status())
                            .as(caller + " status")
                            .isEqualTo(expected.get(caller));
                    assertThat(send(api, "HEAD", "?schema=" + schema).status())
                            .as(caller + " HEAD")
                            .isEqualTo(expected.get(caller));
                    for (String action : ACTIONS) {
                        Reply reply = send(api, "POST", inSchema(action, schema));
                        assertThat(reply.status())
                                .as(caller + " " + action)
                                .isEqualTo(expected.get(caller));
                        assertThat(reply.contentType()).startsWith("application/problem+json");
                    }
                });
        assertThat(TestDatabase.count("select count(*) from pg_views where schemaname = ?", schema))
                .as("no view created by a refused caller")
                .isZero();
    }

    @Test
    void theServiceRoleReachesEveryStep() {
        String schema = LegacyTables.freshSchema();
        Api service = Api.at(base).as(tokens.service());
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/dry-run", 404);
        expected.put("/run", 404);
        expected.put("/verify", 404);
        expected.put("/finish", 404);
        expected.put("/drop", 422);
        expected.put("/view", 200);
        expected.put("/stop", 409);

        assertThat(service.get(MIGRATION + "?schema=" + schema).status()).isEqualTo(200);
        assertThat(send(service, "HEAD", "?schema=" + schema).status()).isEqualTo(200);
        expected.forEach(
                (action, status) ->
                        assertThat(send(service, "POST", inSchema(action, schema)).status())
                                .as(action)
                                .isEqualTo(status));
    }

    @Test
    void onlyTheDocumentedMethodsAreAllowed() {
        Api service = Api.at(base).as(tokens.service());
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            assertThat(send(service, method, "").status()).as(method + " status").isEqualTo(405);
            assertThat(send(Api.at(base), method, "").status())
                    .as(method + " anonymously")
                    .isEqualTo(405);
        }
        for (String action : ACTIONS) {
            for (String method : List.of("GET", "HEAD", "PUT", "PATCH", "DELETE")) {
                Reply reply = send(service, method, action);
                assertThat(reply.status()).as(method + " " + action).isEqualTo(405);
                assertThat(reply.header("Allow")).as(method + " " + action).contains("POST");
                assertThat(send(Api.at(base), method, action).status())
                        .as(method + " " + action + " anonymously")
                        .isEqualTo(405);
            }
        }
        Reply options = send(Api.at(base), "OPTIONS", "/run");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("POST");
        assertThat(
                        send(Api.at(base).as(tokens.expiredUser(TestData.user())), "DELETE", "/run")
                                .status())
                .as("a bad token is refused before the method is")
                .isEqualTo(401);
    }

    private static Reply send(Api api, String method, String path) {
        return api.send(method, MIGRATION + path, BodyPublishers.noBody(), null);
    }

    /** A step's path in the schema; stop ends whatever step runs and takes no schema. */
    private static String inSchema(String action, String schema) {
        return action.equals("/stop") ? action : action + "?schema=" + schema;
    }
}
