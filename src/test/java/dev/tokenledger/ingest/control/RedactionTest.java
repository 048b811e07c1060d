package dev.tokenledger.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.ingest.entity.DeliveredPayload;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.LiteLlmCases;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "api_key",
                "apiKey",
                "x-api-key",
                "Authorization",
                "Proxy-Authorization",
                "user_api_key",
                "user_api_key_hash",
                "access_token",
                "token",
                "key",
                "password",
                "client_secret",
                "aws_secret_access_key",
                "extra_headers",
                "requester_custom_headers",
                "Cookie"
            })
    void keysThatNameACredentialAreDropped(String key) {
        assertThat(Redaction.credential(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "user_api_key_alias",
                "user_api_key_user_id",
                "user_api_key_team_id",
                "user_api_key_team_alias",
                "user_api_key_end_user_id",
                "prompt_tokens",
                "cached_tokens",
                "cache_read_input_tokens",
                "session_id",
                "auth_method",
                "litellm_call_id"
            })
    void keysTheMappingReadsAreKept(String key) {
        assertThat(Redaction.credential(key)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://gw:pw@azure.example:8443/openai/v1?api-key=s#f"
                        + " | https://azure.example:8443/openai/v1",
                "http://[::1]:4000/v1?key=s | http://[::1]:4000/v1",
                "https://llm.example.test/v1 | https://llm.example.test/v1",
                "azure.example/openai?api-key=s | azure.example/openai",
                "gw:pw@azure.example/openai | azure.example/openai",
                "https://gw:p w@bad host/x?k=s | https://bad host/x"
            })
    void aUrlKeepsSchemeHostPortAndPath(String sent, String kept) {
        assertThat(Redaction.url(sent)).isEqualTo(kept);
    }

    @Test
    void urlsInsideATextLoseTheirCredentials() {
        assertThat(
                        Redaction.text(
                                "AuthenticationError calling https://gw:pw@azure.example/openai"
                                        + "?api-key=s and redis://:pw@cache:6379/0 failed"))
                .isEqualTo(
                        "AuthenticationError calling https://azure.example/openai and"
                                + " redis://cache:6379/0 failed");
    }

    @Test
    void credentialsQuotedInATextAreReplacedWhateverKeyHoldsIt() {
        assertThat(
                        Redaction.text(
                                "Incorrect API key provided: sk-proj-abcdef1234567890XYZ. Sent"
                                        + " Authorization: Bearer"
                                        + " eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"))
                .isEqualTo(
                        "Incorrect API key provided: [redacted]. Sent Authorization: [redacted]");
        assertThat(Redaction.text("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln expired"))
                .isEqualTo("token [redacted] expired");
        assertThat(Redaction.text("the task-manager and risk-model ran; bearer of news"))
                .as("no credential shape, nothing replaced")
                .isEqualTo("the task-manager and risk-model ran; bearer of news");
    }

    @Test
    void credentialsInOtherShapesAreDroppedToo() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "0.01");
        ObjectNode metadata = payload.putObject("metadata");
        metadata.putObject("proxy_server_request")
                .putObject("body")
                .putArray("messages")
                .addObject()
                .put("content", "my prompt");
        ArrayNode headers = metadata.putArray("headers_seen");
        headers.addObject().put("name", "x-api-key").put("value", "k-123");
        headers.addObject().put("name", "accept").put("value", "application/json");
        metadata.put("pwd", "p").put("jwt", "j").put("otp", "1").put("sas", "s");
        metadata.put("api_base", "HTTPS://x.test/v1;token=abc/chat");
        payload.put(
                "error_message", "failed //u:pw@host.test/x and host.test/y?api_key=k1&model=m ok");

        JsonNode kept = Redaction.payload(payload, false);

        assertThat(kept.at("/metadata").has("proxy_server_request")).isFalse();
        assertThat(kept.at("/metadata/headers_seen/0").has("value")).isFalse();
        assertThat(kept.at("/metadata/headers_seen/1/value").asText())
                .isEqualTo("application/json");
        assertThat(kept.at("/metadata").has("pwd")).isFalse();
        assertThat(kept.at("/metadata").has("jwt")).isFalse();
        assertThat(kept.at("/metadata").has("otp")).isFalse();
        assertThat(kept.at("/metadata").has("sas")).isFalse();
        assertThat(kept.at("/metadata/api_base").asText()).doesNotContain("abc");
        assertThat(kept.at("/error_message").asText())
                .doesNotContain("pw@")
                .doesNotContain("k1")
                .contains("model=m");
    }

    @Test
    void tracebacksAreDroppedWhereverTheyAre() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "0.01");
        payload.put("traceback", "File x, line 1, api_key='sk-abc'");
        payload.putObject("metadata").putObject("nested").put("traceback_str", "secret frames");

        JsonNode kept = Redaction.payload(payload, false);

        assertThat(kept.has("traceback")).isFalse();
        assertThat(kept.at("/metadata/nested").has("traceback_str")).isFalse();
    }

    @Test
    void aLongTextWithoutUrlsIsSearchedInLinearTime() {
        String text = "a.".repeat(1_000_000) + "b";

        assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> assertThat(Redaction.text(text)).isEqualTo(text));
    }

    @Test
    void aPayloadLosesCredentialsInternalsAndAddressesWherePromptsAreNotStored() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "0.01");
        payload.put("api_base", "https://gw:pw@azure.example/openai?api-key=s");
        payload.put("requester_ip_address", "203.0.113.9");
        payload.putObject("litellm_params").put("api_key", "sk-secret");
        payload.putObject("hidden_params").put("api_base", "https://azure.example/?key=s");
        payload.putObject("error_information").put("traceback", "t").put("error_class", "E");
        ObjectNode metadata = (ObjectNode) payload.get("metadata");
        metadata.put("user_api_key_hash", "hash");
        metadata.put("requester_ip_address", "203.0.113.9");
        metadata.putObject("mcp_tool_call_metadata").put("arguments", "what the user asked");
        metadata.putObject("spend_logs_metadata").put("Authorization", "Bearer t").put("k", 1);
        ((ObjectNode) payload.get("response"))
                .putObject("usage")
                .putObject("prompt_tokens_details")
                .put("cached_tokens", 40);

        JsonNode kept = Redaction.payload(payload, false);

        assertThat(kept.get("api_base").asText()).isEqualTo("https://azure.example/openai");
        assertThat(kept.has("requester_ip_address")).isFalse();
        assertThat(kept.has("litellm_params")).isFalse();
        assertThat(kept.has("hidden_params")).isFalse();
        assertThat(kept.has("model_parameters")).isFalse();
        assertThat(kept.has("messages")).isFalse();
        assertThat(kept.get("error_information").toString()).isEqualTo("{\"error_class\":\"E\"}");
        assertThat(kept.get("metadata").has("user_api_key_hash")).isFalse();
        assertThat(kept.get("metadata").has("requester_ip_address")).isFalse();
        assertThat(kept.get("metadata").has("mcp_tool_call_metadata")).isFalse();
        assertThat(kept.at("/metadata/spend_logs_metadata").toString()).isEqualTo("{\"k\":1}");
        assertThat(kept.at("/metadata/user_api_key_alias").asText()).isEqualTo("web-frontend");
        assertThat(kept.get("response").toString())
                .as("only the usage, for the cached-token count")
                .isEqualTo("{\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":40}}}");
    }

    @Test
    void promptsTheOperatorStoresAreKeptAsSent() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "0.01");
        payload.putArray("messages")
                .addObject()
                .put("content", "see https://example.test/doc?token=mine");

        JsonNode kept = Redaction.payload(payload, true);

        assertThat(kept.get("messages")).isEqualTo(payload.get("messages"));
        assertThat(kept.get("response")).isEqualTo(payload.get("response"));
    }

    @Test
    void everySharedCaseKeptAsALetterMapsToTheSameRowAgain() {
        LiteLlmMapper mapper = new LiteLlmMapper(false);
        ArrayNode cases = Api.JSON.createArrayNode();
        cases.addAll((ArrayNode) LiteLlmCases.json(LiteLlmCases.ARRAY));
        cases.addAll((ArrayNode) LiteLlmCases.json(LiteLlmCases.FAILURE));
        ObjectNode cached = LiteLlmCases.payload("u", "gpt-4o", null);
        cached.putObject("response").putObject("usage").put("cache_read_input_tokens", 60);
        cases.add(cached);

        for (JsonNode sent : cases) {
            JsonNode kept = Redaction.payload(sent, false);

            assertThat(mapper.map(DeliveredPayload.parsed(0, null, kept)).draft())
                    .as(sent.get("litellm_call_id").asText())
                    .isEqualTo(mapper.map(DeliveredPayload.parsed(0, null, sent)).draft());
        }
    }
}
