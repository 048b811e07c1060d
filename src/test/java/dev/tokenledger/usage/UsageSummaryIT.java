package dev.tokenledger.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.Tokens;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage summaries: exact sums, groupings, and days that add up in every time zone. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UsageSummaryIT {

    static final String SUMMARY = "/api/v1/usage/summary";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    /** A week around the 2025 US spring DST change, with rows near every midnight. */
    String seedWeek() {
        String user = TestData.user();
        Random random = new Random(42);
        Instant start = Instant.parse("2025-03-06T00:00:00Z");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant at = start.plusSeconds(random.nextInt(8 * 24 * 3600));
            String cost = i % 7 == 0 ? null : "0." + String.format("%06d", random.nextInt(999999));
            Map<String, Object> log =
                    TestData.log(
                            user,
                            i % 3 == 0 ? "gpt-4o" : "gpt-4o-mini",
                            random.nextInt(5000),
                            random.nextInt(900),
                            cost);
            log.put("created_at", at.toString());
            batch.add(log);
        }
        assertThat(Api.at(base).as(tokens.user(user)).post("/api/v1/request-logs", batch).status())
                .isEqualTo(201);
        return user;
    }

    JsonNode summary(String user, String query) {
        Api.Reply reply = Api.at(base).as(tokens.user(user)).get(SUMMARY + "?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "UTC",
                "America/New_York",
                "Asia/Kolkata",
                "Pacific/Chatham",
                "Australia/Lord_Howe",
                "Pacific/Kiritimati"
            })
    void singleDaysAddUpToTheRangeInEveryZone(String zone) {
        String user = seedWeek();
        LocalDate first = LocalDate.parse("2025-03-06");
        LocalDate end = LocalDate.parse("2025-03-13");

        JsonNode range = summary(user, "from=" + first + "&to=" + end + "&tz=" + zone);
        JsonNode byDay = summary(user, "group_by=day&from=" + first + "&to=" + end + "&tz=" + zone);
        Figures days = new Figures();
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            days.add(
                    summary(user, "from=" + day + "&to=" + day.plusDays(1) + "&tz=" + zone)
                            .get("totals"));
        }
        Figures groups = new Figures();
        byDay.get("groups").forEach(groups::add);

        assertThat(days).isEqualTo(Figures.of(range.get("totals")));
        assertThat(groups).isEqualTo(Figures.of(range.get("totals")));
        assertThat(Figures.of(byDay.get("totals"))).isEqualTo(Figures.of(range.get("totals")));
        assertThat(byDay.get("groups").findValuesAsText("key"))
                .allMatch(
                        key ->
                                !LocalDate.parse(key).isBefore(first)
                                        && LocalDate.parse(key).isBefore(end));
    }

    @Test
    void costsAddUpExactlyAndUnpricedRequestsAreCountedNotZeroed() {
        String user = TestData.user();
        Api api = Api.at(base).as(tokens.user(user));
        api.post(
                "/api/v1/request-logs",
                List.of(
                        TestData.log(null, "m", 1, 1, "0.1"),
                        TestData.log(null, "m", 1, 1, "0.2"),
                        TestData.log(null, "m", 1, 1, null)));

        JsonNode totals = summary(user, "").get("totals");

        assertThat(totals.get("total_cost").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(totals.get("total_cost").asText()).isEqualTo("0.3");
        assertThat(totals.get("requests").asLong()).isEqualTo(3);
        assertThat(totals.get("unpriced_requests").asLong()).isEqualTo(1);
        assertThat(totals.get("total_tokens").asLong()).isEqualTo(6);
    }

    @Test
    void aGroupWithoutAnyPricedRequestHasNoCostRatherThanZeroAndSortsLast() {
        String user = TestData.user();
        Api api = Api.at(base).as(tokens.user(user));
        api.post(
                "/api/v1/request-logs",
                List.of(
                        TestData.log(null, "unpriced-model", 1, 1, null),
                        TestData.log(null, "unpriced-model", 1, 1, null),
                        TestData.log(null, "priced-model", 1, 1, "0")));

        JsonNode byModel = summary(user, "group_by=model&order=total_cost").get("groups");

        assertThat(byModel.findValuesAsText("key"))
                .containsExactly("priced-model", "unpriced-model");
        assertThat(byModel.get(0).get("total_cost").decimalValue()).isEqualByComparingTo("0");
        assertThat(byModel.get(1).get("total_cost").isNull()).isTrue();
        assertThat(byModel.get(1).get("unpriced_requests").asLong()).isEqualTo(2);
    }

    @Test
    void tokenSumsBeyondALongStayExact() {
        String user = TestData.user();
        Api api = Api.at(base).as(tokens.user(user));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(TestData.log(null, "m", 9_007_199_254_740_991L, 0, null));
        }
        api.post("/api/v1/request-logs", batch);
        api.post("/api/v1/request-logs", batch.subList(0, 25));

        JsonNode totals = summary(user, "group_by=model").get("totals");

        assertThat(totals.get("input_tokens").bigIntegerValue())
                .isEqualTo(
                        java.math.BigInteger.valueOf(9_007_199_254_740_991L)
                                .multiply(java.math.BigInteger.valueOf(1025)));
        assertThat(totals.get("requests").asLong()).isEqualTo(1025);
    }

    @Test
    void groupsByModelAndSessionCoverEveryRow() {
        String user = TestData.user();
        Map<String, Object> withSession = TestData.log(null, "gpt-4o", 10, 5, "0.01");
        ((Map<String, Object>) cast(withSession.get("additional_details")))
                .put("session_id", "s-1");
        Api.at(base)
                .as(tokens.user(user))
                .post(
                        "/api/v1/request-logs",
                        List.of(
                                withSession,
                                TestData.log(null, "gpt-4o", 1, 1, "0.02"),
                                TestData.log(null, "claude", 2, 2, "0.03")));

        JsonNode byModel = summary(user, "group_by=model").get("groups");
        JsonNode bySession = summary(user, "group_by=session").get("groups");

        assertThat(byModel.findValuesAsText("key")).containsExactly("claude", "gpt-4o");
        assertThat(byModel.get(1).get("requests").asLong()).isEqualTo(2);
        assertThat(byModel.get(1).get("total_cost").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(bySession).hasSize(2);
        assertThat(bySession.get(0).get("key").asText()).isEqualTo("s-1");
        assertThat(bySession.get(1).get("key").isNull()).isTrue();
    }

    @Test
    void usersSeeOnlyTheirOwnUsageAndOnlyTheServiceRoleGroupsByUser() {
        String alice = TestData.user();
        String bob = TestData.user();
        Api.at(base)
                .as(tokens.user(alice))
                .post("/api/v1/request-logs", TestData.log(null, "m", 100, 1, "1"));
        Api service = Api.at(base).as(tokens.service());

        assertThat(summary(bob, "").at("/totals/requests").asLong()).isZero();
        assertThat(Api.at(base).as(tokens.user(bob)).get(SUMMARY + "?end_user=" + alice).status())
                .isEqualTo(403);
        assertThat(Api.at(base).as(tokens.user(bob)).get(SUMMARY + "?group_by=end_user").status())
                .isEqualTo(403);
        assertThat(
                        service.get(SUMMARY + "?end_user=" + alice)
                                .json()
                                .at("/totals/requests")
                                .asLong())
                .isEqualTo(1);
        JsonNode everyone = service.get(SUMMARY + "?group_by=end_user").json().get("groups");
        assertThat(everyone.findValuesAsText("key")).contains(alice).doesNotContain(bob);
    }

    @Test
    void theServiceRoleGetsTheTopSpendersAndIsToldWhenMoreGroupsExist() {
        List<String> users = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(TestData.user());
            for (int j = 0; j <= i; j++) {
                Map<String, Object> log = TestData.log(users.get(i), "m", 1, 1, "1.5");
                log.put("created_at", "2021-03-0" + (i + 1) + "T12:00:00Z");
                batch.add(log);
            }
        }
        Api service = Api.at(base).as(tokens.service());
        service.post("/api/v1/request-logs", batch);

        JsonNode top =
                service.get(
                                SUMMARY
                                        + "?group_by=end_user&order=total_cost&limit=3"
                                        + "&from=2021-03-01&to=2021-03-06")
                        .json();

        assertThat(top.get("groups").findValuesAsText("key"))
                .containsExactly(users.get(4), users.get(3), users.get(2));
        assertThat(top.get("groups").get(0).get("total_cost").decimalValue())
                .isEqualByComparingTo("7.5");
        assertThat(top.get("more_groups").asBoolean()).isTrue();
        assertThat(top.at("/totals/requests").asLong()).isEqualTo(15);
        assertThat(
                        service.get(
                                        SUMMARY
                                                + "?group_by=end_user&limit=5&from=2021-03-01"
                                                + "&to=2021-03-06")
                                .json()
                                .get("more_groups")
                                .asBoolean())
                .isFalse();
    }

    @Test
    void anonymousCallersAndGatewaysReadNothing() {
        assertThat(Api.at(base).get(SUMMARY).status()).isEqualTo(401);
        assertThat(Api.at(base).as(tokens.anon()).get(SUMMARY).status()).isEqualTo(403);
        assertThat(Api.at(base).as(tokens.ingest()).get(SUMMARY).status()).isEqualTo(403);
    }

    @Test
    void badParametersAreNamed() {
        Api api = Api.at(base).as(tokens.user(TestData.user()));

        for (String query :
                List.of(
                        "tz=Mars/Olympus",
                        "tz=%2B05:00",
                        "group_by=week",
                        "order=cheapest",
                        "limit=0",
                        "limit=10001",
                        "from=2025-02-30",
                        "from=2025-05-02&to=2025-05-01",
                        "group_by=model&group_by=day",
                        "groupby=model")) {
            Api.Reply reply = api.get(SUMMARY + "?" + query);
            assertThat(reply.status()).as(query).isEqualTo(422);
            assertThat(reply.json().at("/errors/0/parameter").asText()).isNotEmpty();
        }
        assertThat(api.get(SUMMARY + "?groupby=model").json().at("/errors/0/parameter").asText())
                .isEqualTo("groupby");
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }

    /** The additive figures of a summary, compared exactly. */
    static final class Figures {
        long requests;
        long input;
        long output;
        long total;
        long unpriced;
        BigDecimal cost = BigDecimal.ZERO;

        static Figures of(JsonNode node) {
            Figures figures = new Figures();
            figures.add(node);
            return figures;
        }

        void add(JsonNode node) {
            requests += node.get("requests").asLong();
            input += node.get("input_tokens").asLong();
            output += node.get("output_tokens").asLong();
            total += node.get("total_tokens").asLong();
            unpriced += node.get("unpriced_requests").asLong();
            if (!node.get("total_cost").isNull()) {
                cost = cost.add(node.get("total_cost").decimalValue());
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Figures that
                    && requests == that.requests
                    && input == that.input
                    && output == that.output
                    && total == that.total
                    && unpriced == that.unpriced
                    && cost.compareTo(that.cost) == 0;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(requests);
        }

        @Override
        public String toString() {
            return requests
                    + " requests, "
                    + input
                    + "/"
                    + output
                    + "/"
                    + total
                    + " tokens, "
                    + cost
                    + " USD, "
                    + unpriced
                    + " unpriced";
        }
    }
}
