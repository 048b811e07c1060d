package dev.tokenledger.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.ingest.entity.DeliveredPayload;
import dev.tokenledger.ingest.entity.MappedPayload;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import dev.tokenledger.testing.LiteLlmCases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteLlmMapperTest {

    private final LiteLlmMapper mapper = new LiteLlmMapper(false);

    @Test
    void theSharedArraysFirstSuccessMapsFieldByField() {
        MappedPayload mapped = mapFile(LiteLlmCases.ARRAY).get(0);

        RequestLogDraft draft = mapped.draft();
        assertThat(draft.requestId()).isEqualTo("0b6c2f0e-3f4b-4a8e-9d51-2a1f6e7c9a01");
        assertThat(draft.endUser()).isEqualTo("user-alice");
        assertThat(draft.model()).isEqualTo("gpt-4o-mini");
        assertThat(draft.status()).isEqualTo("success");
        assertThat(draft.totalCost()).isEqualByComparingTo("0.000183");
        assertThat(draft.createdAt()).isEqualTo(Instant.parse("2024-12-04T09:40:00.125Z"));
        assertThat(mapped.needsCatalogPrice()).isFalse();
        assertThat(json(draft.additionalDetails().toString()))
                .isEqualTo(
                        json(
                                """
                                {"source": "litellm", "provider": "openai", "model_group": "gpt-4o-mini",
                                 "model_id": "deployment-1", "api_base": "https://llm.example.test/v1",
                                 "call_type": "acompletion", "trace_id": "trace-5512", "stream": false,
                                 "cache_hit": false, "request_tags": ["chat", "web"],
                                 "key_alias": "web-frontend", "key_user_id": "svc-web", "team_id": "team-7",
                                 "duration_ms": 1750, "response_id": "chatcmpl-7f3a9c01",
                                 "input_tokens": 812, "output_tokens": 102, "total_tokens": 914,
                                 "session_id": "sess-100", "cost_source": "gateway"}
                                """));
    }

    @Test
    void theEndUserFallsBackToTheKeysEndUserAndNotToItsOwner() {
        MappedPayload second = mapFile(LiteLlmCases.ARRAY).get(1);

        assertThat(second.draft().endUser()).isEqualTo("user-bob");
        assertThat(second.draft().additionalDetails().text("key_user_id")).hasValue("svc-batch");
        assertThat(second.draft().additionalDetails().count("time_to_first_token_ms")).isEmpty();
        assertThat(second.draft().additionalDetails().count("duration_ms")).hasValue(6500L);
    }

    @Test
    void aFailureKeepsItsErrorAndItsZeroCostForZeroTokens() {
        MappedPayload failure = mapFile(LiteLlmCases.FAILURE).get(0);

        assertThat(failure.draft().status()).isEqualTo("failure");
        assertThat(failure.draft().totalCost()).isEqualByComparingTo("0");
        assertThat(failure.needsCatalogPrice()).isFalse();
        assertThat(failure.draft().additionalDetails().text("error_class"))
                .hasValue("RateLimitError");
        assertThat(failure.draft().additionalDetails().text("error_code")).hasValue("429");
        assertThat(failure.draft().additionalDetails().text("error_message"))
                .hasValue("Rate limit reached for requests");
        assertThat(failure.draft().additionalDetails().count("total_tokens")).hasValue(0L);
    }

    @Test
    void theNdjsonCasesUnpricedModelTakesStringAndFloatTokenCounts() {
        List<MappedPayload> mapped = mapFile(LiteLlmCases.NDJSON);

        MappedPayload finetune = mapped.get(1);
        assertThat(finetune.draft().model()).isEqualTo("my-finetune-v3");
        assertThat(finetune.draft().totalCost()).isNull();
        assertThat(finetune.needsCatalogPrice()).isTrue();
        assertThat(finetune.draft().additionalDetails().count("input_tokens")).hasValue(300L);
        assertThat(finetune.draft().additionalDetails().count("output_tokens")).hasValue(40L);
        assertThat(finetune.draft().additionalDetails().has("cost_source")).isFalse();
        assertThat(mapped.get(2).draft()).isEqualTo(mapped.get(0).draft());
    }

    @Test
    void promptsAndResponsesAreNotKeptUnlessTheOperatorSaysSo() {
        MappedPayload withoutPrompts = mapFile(LiteLlmCases.ARRAY).get(0);
        MappedPayload withPrompts =
                new LiteLlmMapper(true)
                        .map(delivered(LiteLlmCases.json(LiteLlmCases.ARRAY).get(0)));

        assertThat(withoutPrompts.prompts()).isNull();
        assertThat(withoutPrompts.draft().additionalDetails().has("messages")).isFalse();
        assertThat(withPrompts.prompts().get("messages").get(0).get("content").asText())
                .isEqualTo("hello");
        assertThat(withPrompts.prompts().has("response")).isTrue();
        assertThat(withPrompts.draft()).isEqualTo(withoutPrompts.draft());
    }

    @Test
    void aZeroCostForTokensUsedMeansTheGatewayHadNoPrice() {
        ObjectNode payload = LiteLlmCases.payload("u", "local-llama", "0");

        MappedPayload mapped = mapper.map(delivered(payload));

        assertThat(mapped.draft().totalCost()).isNull();
        assertThat(mapped.needsCatalogPrice()).isTrue();
    }

    @Test
    void aFailedCostCalculationMeansTheGatewayHadNoPrice() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "0.5");
        payload.putObject("response_cost_failure_debug_info").put("error_str", "no price");

        assertThat(mapper.map(delivered(payload)).needsCatalogPrice()).isTrue();
    }

    @Test
    void anAbsentOrNullCostIsPricedFromTheCatalog() {
        ObjectNode absent = LiteLlmCases.payload("u", "gpt-4o", "1");
        absent.remove("response_cost");

        assertThat(mapper.map(delivered(absent)).needsCatalogPrice()).isTrue();
        assertThat(
                        mapper.map(delivered(LiteLlmCases.payload("u", "gpt-4o", null)))
                                .needsCatalogPrice())
                .isTrue();
    }

    @Test
    void theRequestIdFallsBackToTheProvidersId() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "1");
        payload.put("litellm_call_id", "");
        payload.put("id", "chatcmpl-only");

        RequestLogDraft draft = mapper.map(delivered(payload)).draft();

        assertThat(draft.requestId()).isEqualTo("chatcmpl-only");
        assertThat(draft.additionalDetails().has("response_id")).isFalse();
    }

    @Test
    void aBlankEndUserIsNoEndUser() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "1");
        payload.put("end_user", "");
        ((ObjectNode) payload.get("metadata")).putNull("user_api_key_end_user_id");

        assertThat(mapper.map(delivered(payload)).draft().endUser()).isNull();
    }

    @Test
    void streamsKeepTheirTimeToFirstToken() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "1");
        payload.put("stream", true);

        assertThat(
                        mapper.map(delivered(payload))
                                .draft()
                                .additionalDetails()
                                .count("time_to_first_token_ms"))
                .hasValue(475L);
    }

    @Test
    void cachedInputTokensComeFromTheResponseUsage() {
        ObjectNode openAi = LiteLlmCases.payload("u", "gpt-4o", null);
        openAi.putObject("response")
                .putObject("usage")
                .putObject("prompt_tokens_details")
                .put("cached_tokens", 64);
        ObjectNode anthropic = LiteLlmCases.payload("u", "claude", null);
        anthropic.putObject("response").putObject("usage").put("cache_read_input_tokens", "32");
        ObjectNode impossible = LiteLlmCases.payload("u", "gpt-4o", null);
        impossible.putObject("response").putObject("usage").put("cache_read_input_tokens", 999);

        assertThat(cached(openAi)).isEqualTo(64L);
        assertThat(cached(anthropic)).isEqualTo(32L);
        assertThat(cached(impossible)).isNull();
    }

    @Test
    void credentialsAndPersonalDataAreNotCopied() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "1");
        payload.put("api_base", "https://user:secret@llm.example.test:8443/v1?api-key=abc#x");
        payload.put("requester_ip_address", "203.0.113.9");
        payload.putObject("hidden_params").put("api_key", "sk-123");

        JsonNode details = mapper.map(delivered(payload)).draft().additionalDetails().toJson();

        assertThat(details.get("api_base").asText()).isEqualTo("https://llm.example.test:8443/v1");
        assertThat(details.toString())
                .doesNotContain("secret", "abc", "203.0.113.9", "sk-123", "88d2c1aa");
    }

    @Test
    void longContextIsShortenedAndNulCharactersReplacedRatherThanRefused() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "1");
        payload.putObject("error_information").put("error_message", "x\u0000" + "y".repeat(5000));

        String message =
                mapper.map(delivered(payload))
                        .draft()
                        .additionalDetails()
                        .text("error_message")
                        .orElseThrow();

        assertThat(message).hasSize(LiteLlmContext.MAX_ERROR_MESSAGE).startsWith("x\uFFFDy");
    }

    @ParameterizedTest(name = "{0} = {1} is refused")
    @CsvSource(
            delimiter = '|',
            value = {
                "prompt_tokens     | 14417.92   | /prompt_tokens     | whole number of tokens, not"
                        + " 14417",
                "prompt_tokens     | -5         | /prompt_tokens     | must not be negative",
                "completion_tokens | \"abc\"    | /completion_tokens | whole number of tokens",
                "completion_tokens | \"1.5\"    | /completion_tokens | whole number of tokens, not"
                        + " 1.5",
                "total_tokens      | 3          | /total_tokens      | at least prompt_tokens +"
                        + " completion",
                "response_cost     | -0.01      | /response_cost     | must not be negative",
                "response_cost     | NaN        | /response_cost     | finite number, not NaN",
                "response_cost     | Infinity   | /response_cost     | finite number, not Infinity",
                "response_cost     | \"abc\"    | /response_cost     | decimal number of US"
                        + " dollars",
                "startTime         | -1         | /startTime         | before 1970",
                "startTime         | 1733305200125 | /startTime      | milliseconds",
                "startTime         | \"soon\"   | /startTime         | finite number of epoch"
                        + " seconds",
                "startTime         | null       | /startTime         | is required",
                "model             | null       | /model             | is required",
                "model             | 42         | /model             | must be a string",
                "status            | \"a-status-longer-than-32-characters\" | /status | at most 32",
                "end_user          | 7          | /end_user          | must be a string",
            })
    void badValuesSendThePayloadToTheDeadLettersWithTheReason(
            String field, String value, String pointer, String reason) {
        String base = LiteLlmCases.payload("u", "gpt-4o", "0.01").toString();
        String body = base.replaceFirst("\"" + field + "\":[^,}]*", "\"" + field + "\":" + value);
        DeliveredPayload delivered =
                LiteLlmBody.split(body.getBytes(StandardCharsets.UTF_8)).payloads().get(0);

        MappedPayload mapped = mapper.map(delivered);

        assertThat(mapped.accepted()).as(body).isFalse();
        assertThat(mapped.violations()).extracting(Violation::pointer).contains(pointer);
        assertThat(mapped.violations())
                .extracting(Violation::detail)
                .anySatisfy(detail -> assertThat(detail).contains(reason));
        assertThat(mapped.requestId()).startsWith("call-");
        assertThat(mapped.keptPayload().has("messages")).isFalse();
        assertThat(mapped.keptPayload().get("model")).isNotNull();
        assertThat(mapped.keptPayload().has("model_parameters")).isFalse();
    }

    @Test
    void aPayloadCannotSayHowItsSenderSignedIn() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "1").put("auth_method", "jwt");
        ((ObjectNode) payload.get("metadata")).put("auth_method", "service");
        payload.putObject("response").putObject("usage").put("auth_method", "anon");

        MappedPayload mapped = new LiteLlmMapper(true).map(delivered(payload));

        assertThat(mapped.draft().additionalDetails().has("auth_method"))
                .as("the server marks the caller's")
                .isFalse();
    }

    @Test
    void aPayloadWithoutAnyIdCannotCountOnce() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "1");
        payload.remove("litellm_call_id");
        payload.putNull("id");

        MappedPayload mapped = mapper.map(delivered(payload));

        assertThat(mapped.violations())
                .extracting(Violation::pointer)
                .containsExactly("/litellm_call_id");
    }

    @Test
    void somethingOtherThanAnObjectIsRefused() {
        MappedPayload mapped = mapper.map(DeliveredPayload.parsed(0, null, json("[1, 2]")));

        assertThat(mapped.violations())
                .extracting(Violation::detail)
                .containsExactly("must be a LiteLLM logging payload object.");
    }

    @Test
    void aLineThatWasNotJsonIsNotKeptEvenWhenPromptsMayBeStored() {
        DeliveredPayload broken =
                DeliveredPayload.unparseable(
                        3, 4, "{\"api_key\": \"sk-secret\", oops", "line 4 is not JSON: ...");

        MappedPayload withoutPrompts = mapper.map(broken);
        MappedPayload withPrompts = new LiteLlmMapper(true).map(broken);

        assertThat(withoutPrompts.violations())
                .extracting(Violation::detail)
                .containsExactly("line 4 is not JSON: ...");
        assertThat(withoutPrompts.keptPayload()).isNull();
        assertThat(withPrompts.keptPayload()).as("cannot be searched for credentials").isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "endTime, 1e999999999",
        "endTime, 1e-999999999",
        "completionStartTime, 1e999999999",
        "endTime, '\"1e999999999\"'"
    })
    void aTimeOfAbsurdExponentCostsNoMoreThanAnyOther(String field, String value) {
        String body =
                LiteLlmCases.payload("u", "gpt-4o", "0.01")
                        .put("stream", true)
                        .put(field, 7.5)
                        .toString()
                        .replace("\"" + field + "\":7.5", "\"" + field + "\":" + value);

        MappedPayload mapped =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(2), () -> mapper.map(delivered(json(body))));

        assertThat(mapped.accepted()).isTrue();
        assertThat(mapped.draft().additionalDetails().has("duration_ms"))
                .isEqualTo(field.equals("completionStartTime"));
        assertThat(mapped.draft().additionalDetails().has("time_to_first_token_ms"))
                .isEqualTo(field.equals("endTime"));
    }

    @ParameterizedTest
    @CsvSource({"1e999999999", "1e-999999999", "'\"1e-999999999\"'"})
    void aStartOfAbsurdExponentIsRefusedAtOnce(String value) {
        String body =
                LiteLlmCases.payload("u", "gpt-4o", "0.01")
                        .put("startTime", 7.5)
                        .toString()
                        .replace("\"startTime\":7.5", "\"startTime\":" + value);

        MappedPayload mapped =
                assertTimeoutPreemptively(
                        Duration.ofSeconds(2), () -> mapper.map(delivered(json(body))));

        assertThat(mapped.violations())
                .extracting(Violation::pointer)
                .containsExactly("/startTime");
    }

    private Long cached(ObjectNode payload) {
        return mapper.map(delivered(payload))
                .draft()
                .additionalDetails()
                .count("cached_input_tokens")
                .orElse(null);
    }

    private List<MappedPayload> mapFile(String file) {
        byte[] body = LiteLlmCases.text(file).getBytes(StandardCharsets.UTF_8);
        return LiteLlmBody.split(body).payloads().stream().map(mapper::map).toList();
    }

    private static DeliveredPayload delivered(JsonNode payload) {
        return DeliveredPayload.parsed(0, null, payload);
    }

    private static JsonNode json(String text) {
        return LiteLlmBody.split(text.getBytes(StandardCharsets.UTF_8)).payloads().get(0).json();
    }
}
