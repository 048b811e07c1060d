package dev.tokenledger.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bad inputs of shared/cases/bad-input, each over real HTTP: a 4xx problem document naming the
 * field, nothing stored from the request, never a 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    static final String PATH = "/api/v1/request-logs";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    Api service;
    String user;

    @BeforeEach
    void caller() {
        service = Api.at(base).as(Tokens.forTests().service());
        user = TestData.user();
    }

    long stored() {
        return TestDatabase.count("select count(*) from request_logs where end_user = ?", user);
    }

    JsonNode storedRow() {
        JsonNode page = service.get(PATH + "?end_user=" + user).json();
        assertThat(page.get("items")).hasSize(1);
        return page.get("items").get(0);
    }

    String body(String fields) {
        return "{\"end_user\":\"" + user + "\"," + fields + "}";
    }

    static void refused(Api.Reply reply, int status, String pointer) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (pointer != null) {
            assertThat(problem.get("errors").findValuesAsText("pointer")).contains(pointer);
            assertThat(problem.get("detail").asText()).contains(pointer);
        }
    }

    @Test
    void case01TruncatedJsonIsA400() {
        refused(service.post(PATH, "{\"model\": \"gpt-4o\", "), 400, null);
        assertThat(stored()).isZero();
    }

    @Test
    void case02PlainTextIsA415() {
        Api.Reply reply =
                service.send(
                        "POST",
                        PATH,
                        BodyPublishers.ofString(body("\"model\":\"gpt-4o\"")),
                        "text/plain");

        refused(reply, 415, null);
        assertThat(stored()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "case03 negative tokens |"
                        + " \"model\":\"gpt-4o\",\"additional_details\":{\"input_tokens\":-5} |"
                        + " /additional_details/input_tokens",
                "case04 negative cost | \"model\":\"gpt-4o\",\"total_cost\":-0.5 | /total_cost",
                "case08 fractional tokens |"
                    + " \"model\":\"gpt-4o\",\"additional_details\":{\"input_tokens\":14417.92} |"
                    + " /additional_details/input_tokens",
                "case09 non-numeric tokens |"
                    + " \"model\":\"gpt-4o\",\"additional_details\":{\"input_tokens\":\"abc\"} |"
                    + " /additional_details/input_tokens",
                "case10 details not an object | \"model\":\"gpt-4o\",\"additional_details\":\"not"
                        + " an object\" | /additional_details",
                "case11 total below input+output |"
                    + " \"model\":\"gpt-4o\",\"additional_details\":{\"input_tokens\":10,\"output_tokens\":5,\"total_tokens\":3}"
                    + " | /additional_details/total_tokens",
                "case13 empty model | \"model\":\"\" | /model",
                "case13 missing model | \"status\":\"success\" | /model",
                "case17 created_at yesterday | \"model\":\"gpt-4o\",\"created_at\":\"yesterday\" |"
                        + " /created_at"
            })
    void invalidFieldsAreA422NamingTheField(String name, String fields, String pointer) {
        refused(service.post(PATH, body(fields)), 422, pointer);
        assertThat(stored()).isZero();
    }

    @Test
    void compressedOrNonUtf8BodiesAreA415SayingWhy() {
        Api.Reply gzip =
                service.header("Content-Encoding", "gzip")
                        .send(
                                "POST",
                                PATH,
                                BodyPublishers.ofByteArray(new byte[] {31, -117, 8}),
                                "application/json");
        Api.Reply latin1 =
                service.send(
                        "POST",
                        PATH,
                        BodyPublishers.ofString(body("\"model\":\"gpt-4o\"")),
                        "application/json; charset=iso-8859-1");

        refused(gzip, 415, null);
        refused(latin1, 415, null);
        assertThat(gzip.json().get("detail").asText()).contains("gzip");
        assertThat(latin1.json().get("detail").asText()).contains("iso-8859-1");
        assertThat(stored()).isZero();
    }

    @Test
    void case05CostAsAStringIsAcceptedExactly() {
        assertThat(service.post(PATH, body("\"model\":\"gpt-4o\",\"total_cost\":\"0.5\"")).status())
                .isEqualTo(201);

        assertThat(storedRow().get("total_cost").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void case06And07TokenCountsAsStringOrWholeFloatAreStoredAsIntegers() {
        assertThat(
                        service.post(
                                        PATH,
                                        body(
                                                "\"model\":\"gpt-4o\",\"additional_details\":"
                                                    + "{\"input_tokens\":\"120\",\"output_tokens\":40.0}"))
                                .status())
                .isEqualTo(201);

        assertThat(
                        TestDatabase.count(
                                "select count(*) from request_logs where end_user = ? and"
                                        + " additional_details -> 'input_tokens' = '120'::jsonb and"
                                        + " additional_details -> 'output_tokens' = '40'::jsonb and"
                                        + " additional_details ->> 'output_tokens' = '40' and"
                                        + " additional_details -> 'total_tokens' = '160'::jsonb",
                                user))
                .isOne();
    }

    @Test
    void case12MissingTotalIsInputPlusOutput() {
        service.post(
                PATH,
                body(
                        "\"model\":\"gpt-4o\",\"additional_details\":"
                                + "{\"input_tokens\":10,\"output_tokens\":5}"));

        assertThat(storedRow().at("/additional_details/total_tokens").asLong()).isEqualTo(15);
    }

    @Test
    void case14AnEndUserOf10000CharactersIsRefused() {
        String fields = "\"model\":\"gpt-4o\",\"end_user\":\"" + "x".repeat(10_000) + "\"";

        refused(service.post(PATH, "{" + fields + "}"), 422, "/end_user");
    }

    @Test
    void case15ABatchOverTheLimitIsA413AndStoresNothing() {
        String batch =
                IntStream.range(0, 1001)
                        .mapToObj(i -> body("\"model\":\"gpt-4o\""))
                        .collect(Collectors.joining(",", "[", "]"));

        refused(service.post(PATH, batch), 413, null);
        assertThat(stored()).isZero();
    }

    @Test
    void case16OneInvalidRowRefusesTheWholeBatch() {
        String batch =
                "["
                        + body("\"model\":\"gpt-4o\"")
                        + ","
                        + body("\"model\":\"gpt-4o\",\"additional_details\":{\"input_tokens\":-1}")
                        + ","
                        + body("\"model\":\"gpt-4o\"")
                        + "]";

        refused(service.post(PATH, batch), 422, "/1/additional_details/input_tokens");
        assertThat(stored()).isZero();
    }

    @Test
    void case18ATimeWithoutOffsetIsUtc() {
        service.post(PATH, body("\"model\":\"gpt-4o\",\"created_at\":\"2025-05-01T10:00:00\""));

        assertThat(storedRow().get("created_at").asText()).isEqualTo("2025-05-01T10:00:00Z");
    }

    @Test
    void case19ABodyOf20MegabytesIsA413BeforeItIsRead() {
        byte[] twentyMegabytes =
                ("{\"model\":\"gpt-4o\",\"end_user\":\""
                                + user
                                + "\",\"additional_details\":{\"pad\":\""
                                + "x".repeat(20 * 1024 * 1024)
                                + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);

        Api.Reply declared =
                service.send(
                        "POST",
                        PATH,
                        BodyPublishers.ofByteArray(twentyMegabytes),
                        "application/json");
        Api.Reply chunked =
                service.send(
                        "POST",
                        PATH,
                        BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(twentyMegabytes)),
                        "application/json");

        refused(declared, 413, null);
        refused(chunked, 413, null);
        assertThat(stored()).isZero();
    }

    @Test
    void case20DeeplyNestedJsonIsRefusedAndTheServerStaysUp() {
        String deep = "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);

        Api.Reply reply =
                service.post(PATH, body("\"model\":\"gpt-4o\",\"additional_details\":" + deep));

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(Api.at(base).get("/api/v1/health").status()).isEqualTo(200);
        assertThat(stored()).isZero();
    }

    @Test
    void noRefusalLeaksAStackTraceOrInternalNames() {
        List<Api.Reply> replies = new ArrayList<>();
        replies.add(service.post(PATH, "{\"model\": \"gpt-4o\", "));
        replies.add(service.post(PATH, body("\"model\":\"x\",\"total_cost\":\"NaN\"")));
        replies.add(service.post(PATH, "[1,2,3]"));
        replies.add(service.post(PATH, "null"));
        replies.add(service.post(PATH, ""));

        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
            assertThat(reply.body())
                    .doesNotContain("Exception", "at dev.", "org.jboss", "com.fasterxml");
        }
    }

    @Test
    void aServerFieldAndAnUnknownFieldAreBothNamed() {
        Api.Reply reply = service.post(PATH, body("\"model\":\"m\",\"id\":\"1\",\"cost\":1"));

        refused(reply, 422, "/id");
        assertThat(reply.json().get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/id", "/cost");
    }
}
