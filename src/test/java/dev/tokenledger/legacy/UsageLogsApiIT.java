package dev.tokenledger.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Api.Reply;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** /rest/v1/usage_logs over real HTTP: the access rules, PostgREST's error shape, headers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsageLogsApiIT {

    private static final String TABLE = "/rest/v1/usage_logs";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    private Reply send(String token, String method, String path, String json) {
        Api api = token == null ? Api.at(base) : Api.at(base).as(token);
        return api.send(
                method,
                path,
                json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json),
                json == null ? null : "application/json");
    }

    private static String row(String user) {
        return "{\"user_id\":"
                + (user == null ? "null" : "\"" + user + "\"")
                + ",\"model_name\":\"gpt-4o\",\"input_tokens\":3,\"output_tokens\":4,"
                + "\"cost\":0.25}";
    }

    @Test
    void everyCallerAndMethodGetsTheDocumentedStatus() {
        String alice = TestData.user();
        String bob = TestData.user();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("none", null);
        callers.put("anon", tokens.anon());
        callers.put("alice", tokens.user(alice));
        callers.put("bob", tokens.user(bob));
        callers.put("service", tokens.service());
        callers.put("ingest", tokens.ingest());
        callers.put("expired", tokens.expiredUser(alice));
        callers.put("forged", new Tokens("another-secret-that-is-at-least-32-bytes").user(alice));
        String filter = TABLE + "?user_id=eq." + alice;
        // caller -> GET HEAD OPTIONS POST PUT PATCH DELETE
        Map<String, int[]> expected =
                Map.of(
                        "none", new int[] {401, 401, 200, 201, 405, 401, 401},
                        "anon", new int[] {403, 403, 200, 201, 405, 403, 403},
                        "alice", new int[] {200, 200, 200, 201, 405, 403, 403},
                        "bob", new int[] {200, 200, 200, 403, 405, 403, 403},
                        "service", new int[] {200, 200, 200, 201, 405, 204, 204},
                        "ingest", new int[] {403, 403, 200, 201, 405, 403, 403},
                        "expired", new int[] {401, 401, 401, 401, 401, 401, 401},
                        "forged", new int[] {401, 401, 401, 401, 401, 401, 401});
        String[] methods = {"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"};

        callers.forEach(
                (name, token) -> {
                    for (int i = 0; i < methods.length; i++) {
                        String method = methods[i];
                        String body =
                                switch (method) {
                                    case "POST" -> row(alice);
                                    case "PUT", "PATCH" -> "{\"cost\":0.5}";
                                    default -> null;
                                };
                        String path =
                                method.equals("DELETE")
                                        ? TABLE + "?user_id=eq.nobody-" + alice
                                        : filter;
                        Reply reply = send(token, method, path, body);
                        assertThat(reply.status())
                                .as(name + " " + method + ": " + reply.body())
                                .isEqualTo(expected.get(name)[i]);
                        assertThat(reply.header("Deprecation")).as(name + " " + method).isNotNull();
                        assertThat(reply.header("Link")).contains("/api/v1/request-logs");
                        if (reply.status() >= 400 && !method.equals("HEAD")) {
                            assertPostgrestError(reply.json());
                        }
                    }
                });
    }

    @Test
    void usersReadOnlyTheirOwnRowsAndWritesAreMarked() {
        String alice = TestData.user();
        String bob = TestData.user();
        assertThat(send(tokens.user(alice), "POST", TABLE, row(alice)).status()).isEqualTo(201);
        assertThat(send(tokens.user(bob), "POST", TABLE, row(null)).status()).isEqualTo(201);

        JsonNode asBob = send(tokens.user(bob), "GET", TABLE + "?user_id=eq." + alice, null).json();
        JsonNode asAlice = send(tokens.user(alice), "GET", TABLE, null).json();
        JsonNode asService =
                send(
                                tokens.service(),
                                "GET",
                                TABLE + "?user_id=in.(" + alice + "," + bob + ")&order=user_id",
                                null)
                        .json();

        assertThat(asBob).isEmpty();
        assertThat(asAlice).hasSize(1);
        assertThat(asAlice.get(0).get("user_id").asText()).isEqualTo(alice);
        assertThat(asAlice.get(0).get("auth_method").asText()).isEqualTo("jwt");
        assertThat(asAlice.get(0).get("total_tokens").asLong()).isEqualTo(7);
        assertThat(asAlice.get(0).get("created_at").asText()).endsWith("+00:00");
        assertThat(asService).hasSize(2);
    }

    @Test
    void aBatchWithOneBadRowWritesNothingAndNamesTheLegacyField() {
        String alice = TestData.user();
        long before = TestDatabase.rows();

        Reply reply =
                send(
                        tokens.user(alice),
                        "POST",
                        TABLE,
                        "["
                                + row(alice)
                                + ",{\"model_name\":\"gpt-4o\",\"input_tokens\":\"abc\"}]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).startsWith("/1/input_tokens:");
        assertThat(TestDatabase.rows()).isEqualTo(before);
    }

    @Test
    void errorsRaisedBeforeTheResourceAreInPostgrestShapeToo() {
        String token = tokens.user(TestData.user());

        Reply tooLarge =
                send(token, "POST", TABLE, "{\"session_id\":\"" + "x".repeat(11_000_000) + "\"}");
        Reply wrongType =
                Api.at(base)
                        .as(token)
                        .send(
                                "POST",
                                TABLE,
                                BodyPublishers.ofString("user_id=x"),
                                "application/x-www-form-urlencoded");
        Reply unknownTable = send(token, "GET", "/rest/v1/usage_log", null);
        Reply internalPath = send(token, "GET", "/api/v1/legacy/rest-v1/usage_logs", null);

        assertThat(tooLarge.status()).isEqualTo(413);
        assertPostgrestError(tooLarge.json());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.json().get("code").asText()).isEqualTo("PGRST107");
        assertThat(unknownTable.status()).isEqualTo(404);
        assertThat(unknownTable.json().get("code").asText()).isEqualTo("PGRST205");
        assertThat(internalPath.status()).isEqualTo(404);
        assertThat(internalPath.json().get("code").asText()).isEqualTo("PGRST125");
    }

    @Test
    void aHugeLimitIsOnePageAndAnOffsetPastTheEndIs416() {
        String alice = TestData.user();
        String token = tokens.user(alice);
        send(token, "POST", TABLE, "[" + row(alice) + "," + row(alice) + "]");

        long started = System.nanoTime();
        Reply huge = send(token, "GET", TABLE + "?limit=2147483647", null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Reply past =
                Api.at(base).as(token).header("Prefer", "count=exact").get(TABLE + "?offset=5");

        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.json()).hasSize(2);
        assertThat(huge.header("Content-Range")).isEqualTo("0-1/*");
        assertThat(millis).isLessThan(2_000);
        assertThat(past.status()).isEqualTo(416);
        assertThat(past.header("Content-Range")).isEqualTo("*/2");
        assertThat(past.json().get("code").asText()).isEqualTo("PGRST103");
    }

    @Test
    void callersWhoCannotReadCannotAskForTheStoredRowsAndNothingIsWritten() {
        long before = TestDatabase.rows();

        Reply anonymous =
                Api.at(base).header("Prefer", "return=representation").post(TABLE, row(null));
        Reply gateway =
                Api.at(base)
                        .as(tokens.ingest())
                        .header("Prefer", "return=representation")
                        .post(TABLE, row(TestData.user()));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("42501");
        assertThat(gateway.status()).isEqualTo(403);
        assertThat(TestDatabase.rows()).isEqualTo(before);
    }

    @Test
    void theServiceRoleMustFilterAnUpdateOrDelete() {
        Reply unfiltered = send(tokens.service(), "DELETE", TABLE, null);

        assertThat(unfiltered.status()).isEqualTo(400);
        assertThat(unfiltered.json().get("code").asText()).isEqualTo("21000");
    }

    @Test
    void writesThatWouldChangeMoreThanAskedAreRefusedAndChangeNothing() {
        String user = TestData.user();
        for (int i = 0; i < 3; i++) {
            assertThat(send(tokens.service(), "POST", TABLE, row(user)).status()).isEqualTo(201);
        }
        String rows = TABLE + "?user_id=eq." + user;
        Api service = Api.at(base).as(tokens.service());

        Reply limited = send(tokens.service(), "DELETE", rows + "&limit=1", null);
        Reply ordered = send(tokens.service(), "PATCH", rows + "&order=created_at", "{\"cost\":1}");
        Reply tooMany =
                service.header("Prefer", "handling=strict, max-affected=2")
                        .send("DELETE", rows, BodyPublishers.noBody(), null);
        Reply upsert =
                service.header("Prefer", "resolution=merge-duplicates").post(TABLE, row(user));
        Reply onConflict = send(tokens.service(), "POST", TABLE + "?on_conflict=id", row(user));

        assertThat(limited.status()).as(limited.body()).isEqualTo(400);
        assertThat(limited.json().get("message").asText()).contains("limit");
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(400);
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.json().get("code").asText()).isEqualTo("PGRST124");
        assertThat(upsert.status()).as(upsert.body()).isEqualTo(400);
        assertThat(onConflict.status()).as(onConflict.body()).isEqualTo(400);
        for (Reply refused : new Reply[] {limited, ordered, tooMany, upsert, onConflict}) {
            assertPostgrestError(refused.json());
        }
        String stored = "select count(*) from request_logs where end_user = ?";
        assertThat(TestDatabase.count(stored, user)).isEqualTo(3);
        assertThat(TestDatabase.count(stored + " and total_cost = 1", user)).isZero();

        Reply withinCap =
                service.header("Prefer", "max-affected=3")
                        .send("DELETE", rows, BodyPublishers.noBody(), null);

        assertThat(withinCap.status()).as(withinCap.body()).isEqualTo(204);
        assertThat(TestDatabase.count(stored, user)).isZero();
    }

    @Test
    void numbersBeyondTheColumnsRangeAre22003AndNeverMatchOrChangeRows() {
        String user = TestData.user();
        String token = tokens.user(user);
        send(token, "POST", TABLE, "[" + row(user) + "," + row(user) + "]");
        String mine = TABLE + "?select=cost&user_id=eq." + user + "&";

        assertThat(send(token, "GET", mine + "cost=gt.1e131071", null).json()).isEmpty();
        assertThat(send(token, "GET", mine + "cost=lt.1e131071", null).json()).hasSize(2);
        for (String filter :
                new String[] {
                    "cost=gt.1e131072",
                    "cost=lt.1e131072",
                    "cost=gt.1e-16384",
                    "cost=in.(0.25,1e999999)",
                    "or=(cost.lt.1e999999,model_name.eq.none)",
                    "total_tokens=lt.9223372036854775808",
                    "input_tokens=in.(3,18446744073709551619)"
                }) {
            Reply refused = send(token, "GET", mine + filter, null);
            assertThat(refused.status()).as(filter + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).as(filter).isEqualTo("22003");
            assertPostgrestError(refused.json());
        }

        Reply delete =
                send(
                        tokens.service(),
                        "DELETE",
                        TABLE + "?user_id=eq." + user + "&cost=gt.1e999999",
                        null);

        assertThat(delete.status()).as(delete.body()).isEqualTo(400);
        assertThat(delete.json().get("code").asText()).isEqualTo("22003");
        assertThat(TestDatabase.count("select count(*) from request_logs where end_user = ?", user))
                .isEqualTo(2);
    }

    @Test
    void aPatchToNullClearsTheColumnOrDetailsKeyAndMatchingNothingIsNoError() {
        String user = TestData.user();
        String model = "patch-null-" + user;
        String created =
                "{\"model_name\":\""
                        + model
                        + "\",\"user_id\":\""
                        + user
                        + "\",\"session_id\":\"s1\",\"input_tokens\":3,\"cost\":0.25}";
        assertThat(send(tokens.service(), "POST", TABLE, created).status()).isEqualTo(201);
        String none = TABLE + "?model_name=eq.none-" + user;
        String rows = TABLE + "?model_name=eq." + model;

        Reply noMatch = send(tokens.service(), "PATCH", none, "{\"user_id\":null}");
        Reply cleared =
                send(
                        tokens.service(),
                        "PATCH",
                        rows,
                        "{\"user_id\":null,\"cost\":null,\"session_id\":null}");

        assertThat(noMatch.status()).as(noMatch.body()).isEqualTo(204);
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(204);
        String stored =
                "select count(*) from request_logs where model = ? and end_user is null"
                        + " and total_cost is null and additional_details -> 'session_id' is null"
                        + " and additional_details ->> 'input_tokens' = '3'";
        assertThat(TestDatabase.count(stored, model)).isEqualTo(1);
    }

    @Test
    void aPatchIsHeldToTheRulesOfPostAndARefusalChangesNothing() {
        String user = TestData.user();
        String model = "patch-rules-" + user;
        String created =
                "{\"model_name\":\""
                        + model
                        + "\",\"user_id\":\""
                        + user
                        + "\",\"input_tokens\":3,\"created_at\":\"2025-05-01T00:00:00Z\"}";
        assertThat(send(tokens.service(), "POST", TABLE, created).status()).isEqualTo(201);
        String rows = TABLE + "?model_name=eq." + model;
        String unchanged =
                "select count(*) from request_logs where model = ?"
                        + " and created_at = '2025-05-01T00:00:00Z'"
                        + " and additional_details @> '{\"input_tokens\":3,\"total_tokens\":3}'"
                        + " and additional_details -> 'output_tokens' is null";

        for (String body :
                new String[] {
                    "{\"total_tokens\":1}",
                    "{\"input_tokens\":5}",
                    "{\"output_tokens\":1}",
                    "{\"created_at\":\"2099-01-01T00:00:00Z\"}",
                    "{\"created_at\":\"1969-12-31T00:00:00Z\"}",
                    "{\"cost\":-1}"
                }) {
            Reply refused = send(tokens.service(), "PATCH", rows, body);

            assertThat(refused.status()).as(body + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).as(body).isEqualTo("23514");
            assertPostgrestError(refused.json());
            assertThat(TestDatabase.count(unchanged, model)).as(body).isEqualTo(1);
        }

        Reply consistent =
                send(tokens.service(), "PATCH", rows, "{\"output_tokens\":1,\"total_tokens\":4}");

        assertThat(consistent.status()).as(consistent.body()).isEqualTo(204);
        assertThat(
                        TestDatabase.count(
                                "select count(*) from request_logs where model = ? and"
                                        + " additional_details ->> 'total_tokens' = '4'",
                                model))
                .isEqualTo(1);
    }

    private static void assertPostgrestError(JsonNode body) {
        assertThat(
                        body.has("code")
                                && body.has("message")
                                && body.has("details")
                                && body.has("hint"))
                .as(body.toString())
                .isTrue();
        assertThat(body.has("type")).isFalse();
    }
}
