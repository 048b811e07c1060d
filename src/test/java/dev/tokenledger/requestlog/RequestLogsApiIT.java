package dev.tokenledger.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The request-log endpoints over real HTTP: writing, idempotency, reading and paging. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestLogsApiIT {

    static final String PATH = "/api/v1/request-logs";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    Api as(String user) {
        return Api.at(base).as(tokens.user(user));
    }

    @Test
    void aLoggedRequestAppearsInItsUsersListAndNowhereElse() {
        String alice = TestData.user();
        String bob = TestData.user();

        Api.Reply created = as(alice).post(PATH, TestData.log(null, "gpt-4o", 120, 30, "0.0105"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).endsWith(PATH + "/" + id);
        JsonNode row = as(alice).get(PATH).json().get("items").get(0);
        assertThat(row.get("id").asText()).isEqualTo(id);
        assertThat(row.get("end_user").asText()).isEqualTo(alice);
        assertThat(row.get("total_cost").decimalValue()).isEqualByComparingTo("0.0105");
        assertThat(row.at("/additional_details/total_tokens").asLong()).isEqualTo(150);
        assertThat(row.at("/additional_details/auth_method").asText()).isEqualTo("jwt");
        assertThat(as(alice).get(PATH + "/" + id).json()).isEqualTo(row);
        assertThat(as(bob).get(PATH).json().get("items")).isEmpty();
        assertThat(as(bob).get(PATH + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void theSameRequestIdSentTwiceStoresOneRowAndAnswersWithItsId() {
        String alice = TestData.user();
        Map<String, Object> log = TestData.log(alice, "gpt-4o", 10, 5, "0.0001");
        log.put("request_id", TestData.requestId());

        Api.Reply first = as(alice).post(PATH, log);
        Api.Reply again = as(alice).post(PATH, log);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("result").asText()).isEqualTo("duplicate");
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(rowsOf(alice)).isOne();
    }

    @Test
    void aRequestIdIsItsWritersOwnSoAnotherCallerNeitherCollidesNorLearnsAnything() {
        String alice = TestData.user();
        String bob = TestData.user();
        String body = "{\"request_id\":\"" + TestData.requestId() + "\",\"model\":\"m\"}";

        Api.Reply byAlice = as(alice).post(PATH, body);
        Api.Reply byBob = as(bob).post(PATH, body);
        Api.Reply anonymous = Api.at(base).post(PATH, body);
        Api.Reply anonymousAgain = Api.at(base).post(PATH, body);

        assertThat(List.of(byAlice, byBob, anonymous))
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(201));
        assertThat(byBob.json().get("id")).isNotEqualTo(byAlice.json().get("id"));
        assertThat(anonymous.json().get("id")).isNotEqualTo(byAlice.json().get("id"));
        assertThat(anonymousAgain.status()).isEqualTo(200);
        assertThat(anonymousAgain.json().get("id")).isEqualTo(anonymous.json().get("id"));
        assertThat(rowsOf(alice)).isOne();
        assertThat(rowsOf(bob)).isOne();
    }

    @Test
    void aRetryMatchesWhateverItsJsonLayoutButDifferentContentIsAConflict() {
        String alice = TestData.user();
        String requestId = TestData.requestId();
        String sent =
                "{\"request_id\":\""
                        + requestId
                        + "\",\"model\":\"m\",\"total_cost\":0.50,"
                        + "\"additional_details\":{\"input_tokens\":1,\"output_tokens\":2}}";
        String reordered =
                "{\"additional_details\":{\"output_tokens\":\"2\",\"input_tokens\":1},"
                        + "\"total_cost\":\"0.5\",\"model\":\"m\",\"request_id\":\""
                        + requestId
                        + "\"}";
        String changed = sent.replace("0.50", "0.60");

        as(alice).post(PATH, sent);
        Api.Reply retry = as(alice).post(PATH, reordered);
        Api.Reply conflict = as(alice).post(PATH, changed);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("errors").findValuesAsText("pointer"))
                .containsExactly("/request_id");
        assertThat(rowsOf(alice)).isOne();
    }

    @Test
    void aBatchIsStoredWholeWithOneOutcomePerRowInOrder() {
        String alice = TestData.user();
        String repeated = TestData.requestId();
        Map<String, Object> first = TestData.log(alice, "gpt-4o", 1, 1, "0.01");
        first.put("request_id", repeated);
        List<Map<String, Object>> batch =
                List.of(first, TestData.log(alice, "gpt-4o-mini", 2, 2, null), first);

        Api.Reply reply = as(alice).post(PATH, batch);

        assertThat(reply.status()).isEqualTo(201);
        JsonNode result = reply.json();
        assertThat(result.get("created").asInt()).isEqualTo(2);
        assertThat(result.get("duplicates").asInt()).isEqualTo(1);
        assertThat(result.get("items").findValuesAsText("result"))
                .containsExactly("created", "created", "duplicate");
        assertThat(result.get("items").get(2).get("id"))
                .isEqualTo(result.get("items").get(0).get("id"));
        assertThat(rowsOf(alice)).isEqualTo(2);
    }

    @Test
    void aBatchWithAConflictStoresNothing() {
        String alice = TestData.user();
        Map<String, Object> stored = TestData.log(alice, "gpt-4o", 1, 1, "0.01");
        stored.put("request_id", TestData.requestId());
        as(alice).post(PATH, stored);
        Map<String, Object> clash = new LinkedHashMap<>(stored);
        clash.put("model", "another-model");

        Api.Reply reply =
                as(alice).post(PATH, List.of(TestData.log(alice, "m", 1, 1, null), clash));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("errors").findValuesAsText("pointer"))
                .containsExactly("/1/request_id");
        assertThat(rowsOf(alice)).isOne();
    }

    @Test
    void pagesWalkTheWholeHistoryNewestFirstWithoutRepeats() {
        String alice = TestData.user();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Map<String, Object> log = TestData.log(alice, "gpt-4o", i, 1, null);
            log.put("created_at", "2025-05-01T10:00:" + String.format("%02d", i % 10) + "Z");
            batch.add(log);
        }
        as(alice).post(PATH, batch);

        List<String> seen = new ArrayList<>();
        List<String> times = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page =
                    as(alice)
                            .get(PATH + "?limit=7" + (cursor == null ? "" : "&cursor=" + cursor))
                            .json();
            page.get("items")
                    .forEach(
                            row -> {
                                seen.add(row.get("id").asText());
                                times.add(row.get("created_at").asText());
                            });
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);

        Set<String> distinct = new HashSet<>(seen);
        assertThat(seen).hasSize(25);
        assertThat(distinct).hasSize(25);
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void filtersNarrowTheList() {
        String alice = TestData.user();
        Map<String, Object> old = TestData.log(alice, "gpt-4o", 1, 1, null);
        old.put("created_at", "2025-04-30T23:59:59Z");
        Map<String, Object> inMay = TestData.log(alice, "gpt-4o", 1, 1, null);
        inMay.put("created_at", "2025-05-01T00:00:00Z");
        inMay.put("status", "failure");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) inMay.get("additional_details");
        details.put("session_id", "s-1");
        Map<String, Object> other = TestData.log(alice, "claude", 1, 1, null);
        other.put("created_at", "2025-05-02T00:00:00Z");
        as(alice).post(PATH, List.of(old, inMay, other));

        assertThat(count(alice, "from=2025-05-01")).isEqualTo(2);
        assertThat(count(alice, "from=2025-05-01&to=2025-05-02")).isEqualTo(1);
        assertThat(count(alice, "model=gpt-4o")).isEqualTo(2);
        assertThat(count(alice, "session_id=s-1")).isEqualTo(1);
        assertThat(count(alice, "status=failure")).isEqualTo(1);
        assertThat(count(alice, "to=2025-05-01T00:00:00%2B00:00")).isEqualTo(1);
    }

    @Test
    void absurdPageSizesAndBadParametersAreRefusedNamingTheParameter() {
        Api alice = as(TestData.user());

        for (String query :
                List.of(
                        "limit=2147483647",
                        "limit=0",
                        "limit=abc",
                        "from=yesterday",
                        "cursor=garbage",
                        "from=2025-05-02&to=2025-05-01")) {
            Api.Reply reply = alice.get(PATH + "?" + query);
            assertThat(reply.status()).as(query).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/parameter").asText())
                    .isEqualTo(query.startsWith("from=2025") ? "to" : query.split("=")[0]);
        }
    }

    @Test
    void theServiceRoleReadsAnyonesRowsAndMayFilterByUser() {
        String alice = TestData.user();
        String id =
                as(alice)
                        .post(PATH, TestData.log(null, "gpt-4o", 1, 1, null))
                        .json()
                        .get("id")
                        .asText();
        Api service = Api.at(base).as(tokens.service());

        assertThat(service.get(PATH + "/" + id).status()).isEqualTo(200);
        assertThat(service.get(PATH + "?end_user=" + alice).json().get("items")).hasSize(1);
    }

    @Test
    void browsersMayCallFromOtherOrigins() {
        Api browser = Api.at(base).header("Origin", "https://dashboard.example");

        Api.Reply preflight =
                browser.header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization, content-type")
                        .send(
                                "OPTIONS",
                                PATH,
                                java.net.http.HttpRequest.BodyPublishers.noBody(),
                                null);
        Api.Reply read = browser.as(tokens.user(TestData.user())).get(PATH);

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("authorization");
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(read.header("Access-Control-Expose-Headers")).contains("Content-Range");
    }

    @Test
    void aMalformedIdIsNotFound() {
        assertThat(as(TestData.user()).get(PATH + "/not-a-uuid").status()).isEqualTo(404);
    }

    long rowsOf(String user) {
        return TestDatabase.count("select count(*) from request_logs where end_user = ?", user);
    }

    int count(String user, String query) {
        return as(user).get(PATH + "?" + query).json().get("items").size();
    }
}
