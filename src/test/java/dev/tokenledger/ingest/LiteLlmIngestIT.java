package dev.tokenledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.LiteLlmCases;
import dev.tokenledger.testing.ServerLog;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A LiteLLM gateway's deliveries, end to end over real HTTP into PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiteLlmIngestIT {

    static final String INGEST = "/api/v1/ingest/litellm";
    static final String DEAD_LETTERS = "/api/v1/ingest/dead-letters";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    @Test
    void theSharedArrayLandsAsTheDocumentedRowsExactlyOnce() {
        String body = LiteLlmCases.text(LiteLlmCases.ARRAY);

        Api.Reply first = gateway().post(INGEST, body);
        Api.Reply again = gateway().post(INGEST, body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("created").asInt()).isEqualTo(2);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.json().at("/items/0/id")).isEqualTo(first.json().at("/items/0/id"));
        JsonNode alice = row("0b6c2f0e-3f4b-4a8e-9d51-2a1f6e7c9a01");
        assertThat(alice.get("end_user").asText()).isEqualTo("user-alice");
        assertThat(alice.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(alice.get("status").asText()).isEqualTo("success");
        assertThat(OffsetDateTime.parse(alice.get("created_at").asText()).toInstant())
                .isEqualTo(Instant.parse("2024-12-04T09:40:00.125Z"));
        assertThat(cost("0b6c2f0e-3f4b-4a8e-9d51-2a1f6e7c9a01")).isEqualTo("0.000183");
        JsonNode details = alice.get("additional_details");
        assertThat(details.get("input_tokens").asLong()).isEqualTo(812);
        assertThat(details.get("output_tokens").asLong()).isEqualTo(102);
        assertThat(details.get("total_tokens").asLong()).isEqualTo(914);
        assertThat(details.get("session_id").asText()).isEqualTo("sess-100");
        assertThat(details.get("auth_method").asText()).isEqualTo("ingest");
        assertThat(details.get("cost_source").asText()).isEqualTo("gateway");
        assertThat(details.has("messages")).isFalse();
        assertThat(details.has("response")).isFalse();
        JsonNode bob = row("0b6c2f0e-3f4b-4a8e-9d51-2a1f6e7c9a02");
        assertThat(bob.get("end_user").asText()).isEqualTo("user-bob");
        assertThat(cost("0b6c2f0e-3f4b-4a8e-9d51-2a1f6e7c9a02")).isEqualTo("0.01251");
        assertThat(bob.at("/additional_details/provider").asText()).isEqualTo("anthropic");
    }

    @Test
    void aGatewaysRowIsMarkedIngestWhateverThePayloadSays() {
        ObjectNode payload = fresh().put("auth_method", "service");
        ((ObjectNode) payload.get("metadata")).put("auth_method", "jwt");

        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.batch(payload));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(
                        row(payload.get("litellm_call_id").asText())
                                .at("/additional_details/auth_method")
                                .asText())
                .isEqualTo("ingest");
    }

    @Test
    void theSharedFailureLandsWithItsError() {
        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.text(LiteLlmCases.FAILURE));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode failure = row("9a1d0c55-7e2b-4c3a-8f10-1b2c3d4e5f60");
        assertThat(failure.get("status").asText()).isEqualTo("failure");
        assertThat(new BigDecimal(cost("9a1d0c55-7e2b-4c3a-8f10-1b2c3d4e5f60")))
                .isEqualByComparingTo("0");
        assertThat(failure.at("/additional_details/error_class").asText())
                .isEqualTo("RateLimitError");
        assertThat(failure.at("/additional_details/duration_ms").asLong()).isEqualTo(30_000);
    }

    @Test
    void theSharedNdjsonStoresItsRepeatOnceAndLeavesTheUnknownModelUnpriced() {
        String body = LiteLlmCases.text(LiteLlmCases.NDJSON);

        Api.Reply first = gateway().post(INGEST, body);
        Api.Reply again = gateway().post(INGEST, body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(counts(first))
                .isEqualTo("3 received: 2 created, 1 duplicates, 0 conflicts," + " 0 rejected");
        assertThat(first.json().at("/items/2/line").asInt()).isEqualTo(3);
        assertThat(first.json().at("/items/2/id")).isEqualTo(first.json().at("/items/0/id"));
        assertThat(counts(again))
                .isEqualTo("3 received: 0 created, 3 duplicates, 0 conflicts," + " 0 rejected");
        assertThat(
                        TestDatabase.count(
                                "select count(*) from request_logs"
                                        + " where request_id in ('c1', 'c2')"))
                .isEqualTo(2);
        JsonNode finetune = row("c2");
        assertThat(finetune.get("total_cost").isNull()).isTrue();
        assertThat(finetune.at("/additional_details/cost_source").asText()).isEqualTo("unpriced");
        assertThat(finetune.at("/additional_details/input_tokens").asLong()).isEqualTo(300);
        assertThat(finetune.at("/additional_details/output_tokens").asLong()).isEqualTo(40);
        assertThat(finetune.at("/additional_details/total_tokens").asLong()).isEqualTo(340);
    }

    @Test
    void aSingleObjectAndAnNdjsonMediaTypeAreAcceptedToo() {
        ObjectNode single = fresh();
        ObjectNode line = fresh();

        Api.Reply one = gateway().post(INGEST, single.toString());
        Api.Reply ndjson =
                gateway()
                        .send(
                                "POST",
                                INGEST,
                                BodyPublishers.ofString(line + "\n" + fresh() + "\n"),
                                "application/x-ndjson");

        assertThat(one.status()).as(one.toString()).isEqualTo(201);
        assertThat(one.json().get("items")).hasSize(1);
        assertThat(ndjson.status()).as(ndjson.toString()).isEqualTo(201);
        assertThat(ndjson.json().get("created").asInt()).isEqualTo(2);
        assertThat(row(single.get("litellm_call_id").asText())).isNotNull();
    }

    @Test
    void aPayloadRepostedByTheServiceRoleCountsOnceWithTheGatewaysOwn() {
        ObjectNode payload = fresh();
        String id = payload.get("litellm_call_id").asText();

        Api.Reply byGateway = gateway().post(INGEST, LiteLlmCases.batch(payload));
        Api.Reply repost =
                Api.at(base).as(tokens.service()).post(INGEST, LiteLlmCases.batch(payload));

        assertThat(byGateway.json().at("/items/0/result").asText()).isEqualTo("created");
        assertThat(repost.json().at("/items/0/result").asText()).isEqualTo("duplicate");
        assertThat(TestDatabase.count("select count(*) from request_logs where request_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void thePayloadTwiceInOneBatchOrInTwoIsOneRow() {
        ObjectNode payload = fresh();
        String id = payload.get("litellm_call_id").asText();

        Api.Reply twice = gateway().post(INGEST, LiteLlmCases.batch(payload, payload));
        Api.Reply later = gateway().post(INGEST, LiteLlmCases.batch(payload));

        assertThat(counts(twice))
                .isEqualTo("2 received: 1 created, 1 duplicates, 0 conflicts," + " 0 rejected");
        assertThat(later.json().at("/items/0/result").asText()).isEqualTo("duplicate");
        assertThat(TestDatabase.count("select count(*) from request_logs where request_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void anIdReusedWithDifferentContentIsCountedLoggedAndKeptNotDropped() {
        ObjectNode original = fresh();
        ObjectNode reused =
                original.deepCopy().put("completion_tokens", 999).put("total_tokens", 1099);
        String id = original.get("litellm_call_id").asText();
        gateway().post(INGEST, LiteLlmCases.batch(original));

        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.batch(reused));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(counts(reply))
                .isEqualTo("1 received: 0 created, 0 duplicates, 1 conflicts," + " 0 rejected");
        assertThat(row(id).at("/additional_details/output_tokens").asLong()).isEqualTo(20);
        String letterId = reply.json().at("/items/0/dead_letter_id").asText();
        JsonNode letter = admin().get(DEAD_LETTERS + "/" + letterId).json();
        assertThat(letter.get("kind").asText()).isEqualTo("conflict");
        assertThat(letter.get("reason").asText()).startsWith("/litellm_call_id: is already stored");
        assertThat(letter.at("/payload/completion_tokens").asLong()).isEqualTo(999);
        assertThat(ServerLog.linesWith("WARN", reply.json().get("delivery_id").asText(), id))
                .hasSize(1);
    }

    @Test
    void anIdReusedWithinOneBatchKeepsTheFirstAndReportsTheSecond() {
        ObjectNode original = fresh();
        ObjectNode reused = original.deepCopy().put("model", "another-model");

        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.batch(original, reused));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(counts(reply))
                .isEqualTo("2 received: 1 created, 0 duplicates, 1 conflicts," + " 0 rejected");
        assertThat(row(original.get("litellm_call_id").asText()).get("model").asText())
                .isEqualTo("gpt-4o-mini");
    }

    @Test
    void eachRepeatInOneBatchIsJudgedAgainstTheStoredRowNotTheBatchsFirst() {
        ObjectNode original = fresh();
        ObjectNode reused = original.deepCopy().put("model", "another-model");
        gateway().post(INGEST, LiteLlmCases.batch(original));

        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.batch(reused, original, reused));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(counts(reply))
                .isEqualTo("3 received: 0 created, 1 duplicates, 2 conflicts," + " 0 rejected");
        assertThat(reply.json().at("/items/1/result").asText()).isEqualTo("duplicate");
        assertThat(reply.json().at("/items/1/id").asText())
                .isEqualTo(reply.json().at("/items/0/id").asText());
    }

    @Test
    void oneBadPayloadDoesNotLoseTheOther511AndTheBatchIsOneTransaction() {
        String user = TestData.user();
        ArrayNode batch = Api.JSON.createArrayNode();
        IntStream.range(0, 512)
                .forEach(i -> batch.add(LiteLlmCases.payload(user, "gpt-4o", "0.001")));
        ((ObjectNode) batch.get(300)).put("prompt_tokens", 14417.92);

        long started = System.nanoTime();
        Api.Reply reply = gateway().post(INGEST, batch);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("512-payload delivery answered in %d ms%n", millis);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(counts(reply))
                .isEqualTo("512 received: 511 created, 0 duplicates," + " 0 conflicts, 1 rejected");
        JsonNode rejected = reply.json().at("/items/300");
        assertThat(rejected.get("result").asText()).isEqualTo("rejected");
        assertThat(rejected.at("/errors/0/pointer").asText()).isEqualTo("/prompt_tokens");
        assertThat(TestDatabase.count("select count(*) from request_logs where end_user = ?", user))
                .isEqualTo(511);
        assertThat(
                        TestDatabase.count(
                                "select count(distinct xmin::text) from request_logs"
                                        + " where end_user = ?",
                                user))
                .as("one transaction")
                .isEqualTo(1);
        JsonNode letters =
                admin().get(
                                DEAD_LETTERS
                                        + "?delivery_id="
                                        + reply.json().get("delivery_id").asText())
                        .json()
                        .get("items");
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("reason").asText())
                .isEqualTo("/prompt_tokens: must be a whole number of tokens, not 14417.92.");
        assertThat(letters.get(0).get("position").asInt()).isEqualTo(300);
        assertThat(letters.get(0).get("payload").has("messages")).isFalse();
        assertThat(millis).as("a 512-payload batch is written set-wise").isLessThan(15_000);
    }

    @Test
    void everyBadInputKindIsKeptAsADeadLetterWithItsReason() {
        List<String> payloads = new ArrayList<>();
        payloads.add(fresh().put("prompt_tokens", 12.5).toString());
        payloads.add(fresh().put("completion_tokens", -3).toString());
        payloads.add(fresh().put("prompt_tokens", "lots").toString());
        payloads.add(fresh().put("response_cost", -0.5).toString());
        payloads.add(
                fresh().put("response_cost", 1)
                        .toString()
                        .replace("\"response_cost\":1", "\"response_cost\":NaN"));
        payloads.add(
                fresh().put("response_cost", 1)
                        .toString()
                        .replace("\"response_cost\":1", "\"response_cost\":Infinity"));
        payloads.add(fresh().toString());

        Api.Reply reply = gateway().post(INGEST, "[" + String.join(",", payloads) + "]");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(counts(reply))
                .isEqualTo("7 received: 1 created, 0 duplicates, 0 conflicts," + " 6 rejected");
        List<String> reasons = new ArrayList<>();
        for (JsonNode letter :
                admin().get(
                                DEAD_LETTERS
                                        + "?delivery_id="
                                        + reply.json().get("delivery_id").asText())
                        .json()
                        .get("items")) {
            reasons.add(letter.get("position").asInt() + " " + letter.get("reason").asText());
        }
        assertThat(reasons)
                .containsExactlyInAnyOrder(
                        "0 /prompt_tokens: must be a whole number of tokens, not 12.5.",
                        "1 /completion_tokens: must not be negative.",
                        "2 /prompt_tokens: must be a whole number of tokens.",
                        "3 /response_cost: must not be negative.",
                        "4 /response_cost: must be a finite number, not NaN.",
                        "5 /response_cost: must be a finite number, not Infinity.");
    }

    @Test
    void aDeliveryOfOnlyBadPayloadsIsA422ThatStillKeepsThem() {
        ObjectNode bad = fresh().put("completion_tokens", "1.5");
        String id = bad.get("litellm_call_id").asText();

        Api.Reply reply = gateway().post(INGEST, bad.toString());
        Api.Reply again = gateway().post(INGEST, bad.toString());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().at("/errors/0/pointer").asText()).isEqualTo("/completion_tokens");
        assertThat(reply.json().get("detail").asText()).contains("kept as a dead letter");
        assertThat(again.status()).isEqualTo(422);
        assertThat(
                        TestDatabase.count(
                                "select count(*) from ingest_dead_letters"
                                        + " where request_id = ?",
                                id))
                .as("kept once")
                .isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from request_logs where request_id = ?", id))
                .isZero();
    }

    @Test
    void aLineThatIsNotJsonIsADeadLetterAndTheOtherLinesAreStored() {
        ObjectNode good = fresh();

        Api.Reply reply = gateway().post(INGEST, good + "\n{\"litellm_call_id\": oops\n");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().at("/items/1/result").asText()).isEqualTo("rejected");
        assertThat(reply.json().at("/items/1/errors/0/detail").asText())
                .startsWith("line 2 is not JSON");
        JsonNode letter =
                admin().get(
                                DEAD_LETTERS
                                        + "/"
                                        + reply.json().at("/items/1/dead_letter_id").asText())
                        .json();
        assertThat(letter.get("line").asInt()).isEqualTo(2);
        assertThat(letter.has("payload")).as("cannot be searched for credentials").isFalse();
    }

    @Test
    void aBodyThatIsNotJsonAtAllIsRefusedAndStoresNothing() {
        long before = TestDatabase.rows();

        Api.Reply reply = gateway().post(INGEST, "this is not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains("not valid JSON");
        assertThat(TestDatabase.rows()).isEqualTo(before);
    }

    @Test
    void aDeliveryThatFailsInTheDatabaseStoresNothingAndCountsOnceWhenRetried() {
        ObjectNode poisoned = fresh();
        ArrayNode batch =
                LiteLlmCases.batch(fresh(), poisoned, fresh(), fresh().put("prompt_tokens", -1));
        String trigger = "fail_" + poisoned.get("litellm_call_id").asText().replace('-', '_');
        TestDatabase.execute(
                "create function "
                        + trigger
                        + "() returns trigger language plpgsql"
                        + " as $$ begin if new.request_id = '"
                        + poisoned.get("litellm_call_id").asText()
                        + "' then raise exception 'injected failure'; end if; return new; end $$",
                "create trigger "
                        + trigger
                        + " before insert on request_logs for each row"
                        + " execute function "
                        + trigger
                        + "()");
        Api.Reply failed;
        try {
            failed = gateway().post(INGEST, batch);
        } finally {
            TestDatabase.execute(
                    "drop trigger " + trigger + " on request_logs",
                    "drop function " + trigger + "()");
        }

        Api.Reply retried = gateway().post(INGEST, batch);

        assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        assertThat(failed.json().has("incident")).isTrue();
        assertThat(counts(retried))
                .isEqualTo("4 received: 3 created, 0 duplicates, 0 conflicts," + " 1 rejected");
        String ids = ids(batch);
        assertThat(
                        TestDatabase.count(
                                "select count(*) from request_logs where request_id in ("
                                        + ids
                                        + ")"))
                .isEqualTo(3);
        assertThat(
                        TestDatabase.count(
                                "select count(*) from ingest_dead_letters"
                                        + " where request_id in ("
                                        + ids
                                        + ")"))
                .isEqualTo(1);
    }

    @Test
    void aPayloadTheDatabaseRefusesIsADeadLetterAndTheOthersAreStored() {
        ObjectNode refused = fresh();
        ArrayNode batch = LiteLlmCases.batch(fresh(), refused, fresh());
        String id = refused.get("litellm_call_id").asText();
        String trigger = "refuse_" + id.replace('-', '_');
        TestDatabase.execute(
                "create function "
                        + trigger
                        + "() returns trigger language plpgsql as $$ begin"
                        + " if new.request_id = '"
                        + id
                        + "' then raise exception using errcode"
                        + " = '23514', message = 'refused by a test constraint'; end if;"
                        + " return new; end $$",
                "create trigger "
                        + trigger
                        + " before insert on request_logs for each row"
                        + " execute function "
                        + trigger
                        + "()");
        Api.Reply reply;
        try {
            reply = gateway().post(INGEST, batch);
        } finally {
            TestDatabase.execute(
                    "drop trigger " + trigger + " on request_logs",
                    "drop function " + trigger + "()");
        }

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(counts(reply))
                .isEqualTo("3 received: 2 created, 0 duplicates, 0 conflicts, 1 rejected");
        assertThat(reply.json().at("/items/1/errors/0/detail").asText())
                .contains("refused by a test constraint");
        assertThat(
                        TestDatabase.count(
                                "select count(*) from request_logs where request_id in ("
                                        + ids(batch)
                                        + ")"))
                .isEqualTo(2);
        assertThat(
                        TestDatabase.count(
                                "select count(*) from ingest_dead_letters where"
                                        + " request_id = ?",
                                id))
                .isOne();
    }

    @Test
    void concurrentDeliveriesOfTheSameBatchStoreEachPayloadOnce() throws Exception {
        ArrayNode batch = Api.JSON.createArrayNode();
        IntStream.range(0, 50).forEach(i -> batch.add(fresh()));

        List<Api.Reply> replies =
                IntStream.range(0, 4)
                        .parallel()
                        .mapToObj(i -> gateway().post(INGEST, batch))
                        .toList();

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(200, 201));
        assertThat(replies.stream().mapToInt(reply -> reply.json().get("created").asInt()).sum())
                .isEqualTo(50);
        assertThat(
                        TestDatabase.count(
                                "select count(*) from request_logs where request_id in ("
                                        + ids(batch)
                                        + ")"))
                .isEqualTo(50);
    }

    @Test
    void concurrentDeliveriesSharingIdsInOppositeOrdersDoNotDeadlock() {
        for (int round = 0; round < 5; round++) {
            ArrayNode forward = Api.JSON.createArrayNode();
            IntStream.range(0, 300).forEach(i -> forward.add(fresh()));
            ArrayNode backward = Api.JSON.createArrayNode();
            IntStream.range(0, 300).forEach(i -> backward.add(forward.get(299 - i)));

            List<Api.Reply> replies =
                    List.of(forward, backward).parallelStream()
                            .map(batch -> gateway().post(INGEST, batch))
                            .toList();

            assertThat(replies)
                    .allSatisfy(
                            reply ->
                                    assertThat(reply.status()).as(reply.toString()).isIn(200, 201));
            assertThat(
                            replies.get(0).json().get("created").asInt()
                                    + replies.get(1).json().get("created").asInt())
                    .isEqualTo(300);
        }
    }

    @Test
    void aBadPayloadRepeatedInOneBatchIsOneDeadLetter() {
        ObjectNode bad = fresh().put("total_tokens", 1);

        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.batch(bad, bad, fresh()));

        assertThat(counts(reply))
                .isEqualTo("3 received: 1 created, 0 duplicates, 0 conflicts," + " 2 rejected");
        assertThat(reply.json().at("/items/1/dead_letter_id"))
                .isEqualTo(reply.json().at("/items/0/dead_letter_id"));
        assertThat(
                        TestDatabase.count(
                                "select count(*) from ingest_dead_letters"
                                        + " where request_id = ?",
                                bad.get("litellm_call_id").asText()))
                .isEqualTo(1);
    }

    private Api gateway() {
        return Api.at(base).as(tokens.ingest());
    }

    private Api admin() {
        return Api.at(base).as(tokens.service());
    }

    private static ObjectNode fresh() {
        return LiteLlmCases.payload(TestData.user(), "gpt-4o-mini", "0.0002");
    }

    private static JsonNode row(String requestId) {
        List<JsonNode> rows =
                TestDatabase.json(
                        "select to_jsonb(r) - 'content_hash'"
                                + " from request_logs r where request_id = ?",
                        requestId);
        assertThat(rows).as("rows for " + requestId).hasSize(1);
        return rows.get(0);
    }

    private static String cost(String requestId) {
        return TestDatabase.text(
                "select total_cost::text from request_logs" + " where request_id = ?", requestId);
    }

    private static String ids(ArrayNode batch) {
        List<String> ids = new ArrayList<>();
        batch.forEach(payload -> ids.add("'" + payload.get("litellm_call_id").asText() + "'"));
        return ids.stream().collect(Collectors.joining(","));
    }

    private static String counts(Api.Reply reply) {
        JsonNode report = reply.json();
        return report.get("received")
                + " received: "
                + report.get("created")
                + " created, "
                + report.get("duplicates")
                + " duplicates, "
                + report.get("conflicts")
                + " conflicts, "
                + report.get("rejected")
                + " rejected";
    }
}
