package dev.tokenledger.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single-row writes share commits under load (group commit): every request is still answered only
 * after its row is durable, rows keep their callers' access rules, a repeated request_id still
 * counts once, and one row the database refuses fails only its own request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GroupCommitIT {

    static final String PATH = "/api/v1/request-logs";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();
    final ExecutorService clients = Executors.newFixedThreadPool(48);

    @AfterEach
    void stop() {
        clients.shutdownNow();
        TestDatabase.execute(
                "drop trigger if exists refuse_poison on request_logs",
                "drop function if exists refuse_poison()");
    }

    List<Api.Reply> concurrently(List<Supplier<Api.Reply>> calls) {
        List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
        calls.forEach(call -> replies.add(CompletableFuture.supplyAsync(call, clients)));
        return replies.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void concurrentSingleWritesAreAllStoredForTheirOwnUsersInSharedCommits() {
        List<String> users = new ArrayList<>();
        List<Supplier<Api.Reply>> calls = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            String user = TestData.user();
            users.add(user);
            Api api = Api.at(base).as(tokens.user(user));
            for (int i = 0; i < 12; i++) {
                calls.add(() -> api.post(PATH, TestData.log(null, "gpt-4o", 10, 5, "0.001")));
            }
        }

        List<Api.Reply> replies = concurrently(calls);

        assertThat(replies)
                .allSatisfy(
                        reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(201));
        for (String user : users) {
            assertThat(Api.at(base).as(tokens.user(user)).get(PATH).json().get("items"))
                    .hasSize(12)
                    .allSatisfy(row -> assertThat(row.get("end_user").asText()).isEqualTo(user));
        }
        long transactions =
                TestDatabase.count(
                        "select count(distinct xmin::text) from"
                                + " request_logs where end_user = any(?)",
                        (Object) users.toArray(String[]::new));
        assertThat(transactions).as("commits for 240 rows").isLessThan(240);
    }

    @Test
    void theSameRequestSentManyTimesAtOnceIsStoredOnce() {
        String user = TestData.user();
        Map<String, Object> log = TestData.log(null, "gpt-4o", 10, 5, "0.001");
        log.put("request_id", TestData.requestId());
        Api api = Api.at(base).as(tokens.user(user));
        List<Supplier<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> api.post(PATH, log));
        }

        List<Api.Reply> replies = concurrently(calls);

        assertThat(replies)
                .extracting(Api.Reply::status)
                .containsOnly(200, 201)
                .containsOnlyOnce(201);
        assertThat(replies)
                .extracting(reply -> reply.json().get("id").asText())
                .containsOnly(replies.get(0).json().get("id").asText());
        assertThat(TestDatabase.count("select count(*) from request_logs where end_user = ?", user))
                .isOne();
    }

    @Test
    void aRequestIdReusedWithOtherContentAtTheSameMomentIsAConflict() {
        String user = TestData.user();
        String requestId = TestData.requestId();
        Api api = Api.at(base).as(tokens.user(user));
        List<Supplier<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> log = TestData.log(null, "model-" + i, 10, 5, "0.001");
            log.put("request_id", requestId);
            calls.add(() -> api.post(PATH, log));
        }

        List<Api.Reply> replies = concurrently(calls);

        assertThat(replies)
                .extracting(Api.Reply::status)
                .containsOnly(201, 409)
                .containsOnlyOnce(201);
        assertThat(
                        TestDatabase.count(
                                "select count(*) from request_logs where request_id = ?",
                                requestId))
                .isOne();
    }

    @Test
    void concurrentRetriesOfTheStoredContentAreDuplicatesAndOnlyTheOtherContentConflicts() {
        for (int round = 0; round < 5; round++) {
            String user = TestData.user();
            String requestId = TestData.requestId();
            Api api = Api.at(base).as(tokens.user(user));
            List<Supplier<Api.Reply>> calls = new ArrayList<>();
            List<String> costs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String cost = i % 2 == 0 ? "1" : "2";
                Map<String, Object> log = TestData.log(null, "gpt-4o", 10, 5, cost);
                log.put("request_id", requestId);
                calls.add(() -> api.post(PATH, log));
                costs.add(cost);
            }

            List<Api.Reply> replies = concurrently(calls);

            assertExactlyOnceWithExactAnswers(user, requestId, costs, replies);
        }
    }

    @Test
    void usersSharingARequestIdAtTheSameMomentAreEachAnsweredAgainstTheirOwnRow() {
        for (int round = 0; round < 3; round++) {
            String requestId = TestData.requestId();
            List<String> users = List.of(TestData.user(), TestData.user(), TestData.user());
            List<Supplier<Api.Reply>> calls = new ArrayList<>();
            List<String> callers = new ArrayList<>();
            List<String> costs = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String user = users.get(i % users.size());
                String cost = (i / users.size()) % 2 == 0 ? "1" : "2";
                Map<String, Object> log = TestData.log(null, "gpt-4o", 10, 5, cost);
                log.put("request_id", requestId);
                Api api = Api.at(base).as(tokens.user(user));
                calls.add(() -> api.post(PATH, log));
                callers.add(user);
                costs.add(cost);
            }

            List<Api.Reply> replies = concurrently(calls);

            for (String user : users) {
                List<Integer> mine =
                        IntStream.range(0, callers.size())
                                .filter(i -> callers.get(i).equals(user))
                                .boxed()
                                .toList();
                assertExactlyOnceWithExactAnswers(
                        user,
                        requestId,
                        mine.stream().map(costs::get).toList(),
                        mine.stream().map(replies::get).toList());
            }
        }
    }

    /**
     * One row stored for the user's request_id; the post that stored it is the one 201; every other
     * post with the stored content is a 200 duplicate naming the stored row; every post with other
     * content is a 409.
     */
    private static void assertExactlyOnceWithExactAnswers(
            String user, String requestId, List<String> costs, List<Api.Reply> replies) {
        String mine = "from request_logs where end_user = ? and request_id = ?";
        assertThat(TestDatabase.count("select count(*) " + mine, user, requestId))
                .as("rows stored for " + user)
                .isOne();
        BigDecimal stored =
                new BigDecimal(
                        TestDatabase.text("select total_cost::text " + mine, user, requestId));
        String storedId =
                replies.stream()
                        .filter(reply -> reply.status() == 201)
                        .map(reply -> reply.json().get("id").asText())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no 201 among " + replies));
        for (int i = 0; i < replies.size(); i++) {
            Api.Reply reply = replies.get(i);
            boolean storedContent = new BigDecimal(costs.get(i)).compareTo(stored) == 0;
            String answer = "answer to cost " + costs.get(i) + ": " + reply;
            if (storedContent) {
                assertThat(reply.status()).as(answer).isIn(200, 201);
                assertThat(reply.json().get("id").asText()).as(answer).isEqualTo(storedId);
                if (reply.status() == 200) {
                    assertThat(reply.json().get("result").asText()).isEqualTo("duplicate");
                }
            } else {
                assertThat(reply.status()).as(answer).isEqualTo(409);
            }
        }
        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnRequest() {
        TestDatabase.execute(
                """
                create function refuse_poison() returns trigger language plpgsql as $$
                begin
                    if new.model = 'poison' then
                        raise exception using errcode = '23514', message = 'poisoned row';
                    end if;
                    return new;
                end $$\
                """,
                "create trigger refuse_poison before insert on request_logs for each row"
                        + " execute function refuse_poison()");
        String user = TestData.user();
        Api api = Api.at(base).as(tokens.user(user));
        List<Supplier<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String model = i == 15 ? "poison" : "gpt-4o";
            calls.add(() -> api.post(PATH, TestData.log(null, model, 1, 1, null)));
        }

        List<Api.Reply> replies = concurrently(calls);

        assertThat(replies.get(15).status()).isEqualTo(422);
        assertThat(replies.stream().filter(reply -> reply.status() == 201)).hasSize(29);
        assertThat(TestDatabase.count("select count(*) from request_logs where end_user = ?", user))
                .isEqualTo(29);
    }
}
