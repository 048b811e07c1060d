package dev.tokenledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.Deployments;
import dev.tokenledger.testing.LiteLlmCases;
import dev.tokenledger.testing.TestData;
import dev.tokenledger.testing.TestDatabase;
import dev.tokenledger.testing.Tokens;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a dead letter keeps of a gateway's payload (no credentials, no provider internals), that it
 * can always be read back whatever numbers it holds, and that a fixed one can be posted again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeadLettersIT {

    static final String INGEST = LiteLlmIngestIT.INGEST;
    static final String DEAD_LETTERS = LiteLlmIngestIT.DEAD_LETTERS;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    @Test
    void aRejectedPayloadIsKeptWithoutItsCredentials() {
        ObjectNode payload = withSecrets(fresh()).put("prompt_tokens", -1);

        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.batch(payload, fresh()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        Api.Reply letter = letter(reply.json().at("/items/0/dead_letter_id").asText());
        assertThat(letter.status()).as(letter.toString()).isEqualTo(200);
        assertKeptWithoutSecrets(letter, payload);
        assertThat(keptPayload(letter).get("prompt_tokens").asInt()).isEqualTo(-1);
    }

    @Test
    void aConflictingPayloadIsKeptWithoutItsCredentials() {
        ObjectNode original = fresh();
        ObjectNode reused = withSecrets(original.deepCopy()).put("completion_tokens", 21);
        reused.put("total_tokens", 121);
        gateway().post(INGEST, LiteLlmCases.batch(original));

        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.batch(reused));

        assertThat(reply.json().at("/items/0/result").asText()).isEqualTo("conflict");
        Api.Reply letter = letter(reply.json().at("/items/0/dead_letter_id").asText());
        assertKeptWithoutSecrets(letter, reused);
    }

    @Test
    void theListingKeepsNoCredentialsEither() {
        ObjectNode payload = withSecrets(fresh()).put("completion_tokens", "many");

        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.batch(payload));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        Api.Reply listing = admin().get(DEAD_LETTERS + "?delivery_id=" + delivery(reply));
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        assertThat(listing.json().get("items")).hasSize(1);
        assertThat(listing.body()).doesNotContain(SECRETS).doesNotContain("203.0.113.9");
        assertThat(storedLetters(payload)).doesNotContain(SECRETS).doesNotContain("203.0.113.9");
    }

    @Test
    void aLetterHoldingANumberOfHundredsOfDigitsIsListedAndReadAsStored() {
        ObjectNode huge = fresh().put("response_cost", new BigDecimal("0.777"));
        String body =
                LiteLlmCases.batch(huge, fresh())
                        .toString()
                        .replace("\"response_cost\":0.777", "\"response_cost\":1e300");

        Api.Reply reply = gateway().post(INGEST, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().at("/items/0/result").asText()).isEqualTo("rejected");
        Api.Reply everything = admin().get(DEAD_LETTERS);
        assertThat(everything.status()).as(everything.toString()).isEqualTo(200);
        Api.Reply ofDelivery = admin().get(DEAD_LETTERS + "?delivery_id=" + delivery(reply));
        assertThat(ofDelivery.status()).as(ofDelivery.toString()).isEqualTo(200);
        Api.Reply one = letter(reply.json().at("/items/0/dead_letter_id").asText());
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        String digits = "1" + "0".repeat(300);
        assertThat(keptPayload(one).get("response_cost").bigIntegerValue()).hasToString(digits);
        assertThat(ofDelivery.json().at("/items/0/payload/response_cost").bigIntegerValue())
                .hasToString(digits);
    }

    @Test
    void numbersOfAbsurdExponentCostTheDeliveryNothing() {
        ObjectNode costly = fresh().put("response_cost", new BigDecimal("0.777"));
        ObjectNode late = fresh().put("endTime", 8.5);
        String body =
                LiteLlmCases.batch(costly, late)
                        .toString()
                        .replace("\"response_cost\":0.777", "\"response_cost\":1e20000")
                        .replace("\"endTime\":8.5", "\"endTime\":1e999999999");

        Api.Reply reply = gateway().post(INGEST, body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().at("/items/1/result").asText()).isEqualTo("created");
        Api.Reply letter = letter(reply.json().at("/items/0/dead_letter_id").asText());
        assertThat(keptPayload(letter).get("response_cost").asText())
                .as("kept as its text: its digits would not fit jsonb")
                .isEqualTo("1E+20000");
    }

    @Test
    void aFixedLetterPostedAgainByTheServiceRoleBecomesItsRow() {
        ObjectNode payload = withSecrets(fresh()).put("prompt_tokens", 1.5);
        Api.Reply rejected = gateway().post(INGEST, LiteLlmCases.batch(payload, fresh()));
        String letterId = rejected.json().at("/items/0/dead_letter_id").asText();
        ObjectNode fixed = (ObjectNode) keptPayload(letter(letterId));
        fixed.put("prompt_tokens", 100);

        Api.Reply posted = admin().post(INGEST, fixed);
        Api.Reply cleared =
                admin().send(
                                "DELETE",
                                DEAD_LETTERS + "/" + letterId,
                                BodyPublishers.noBody(),
                                null);

        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(cleared.status()).isEqualTo(204);
        JsonNode row =
                TestDatabase.json(
                                "select to_jsonb(r) - 'content_hash' from request_logs r"
                                        + " where request_id = ?",
                                payload.get("litellm_call_id").asText())
                        .get(0);
        JsonNode details = row.get("additional_details");
        assertThat(details.get("auth_method").asText())
                .as("written by the service role, not the gateway")
                .isEqualTo("service");
        assertThat(details.get("source").asText()).isEqualTo("litellm");
        assertThat(details.get("input_tokens").asLong()).isEqualTo(100);
        assertThat(details.get("key_alias").asText()).isEqualTo("web-frontend");
        assertThat(details.get("session_id").asText()).isEqualTo("sess-100");
        assertThat(details.get("api_base").asText())
                .isEqualTo("https://azure.example.test:8443/openai/deployments");
        assertThat(details.get("error_message").asText())
                .isEqualTo("upstream https://azure.example.test/openai answered 401");
        assertThat(row.toString()).doesNotContain(SECRETS);
    }

    private static final String SECRETS = "SECRET";

    /** Every place LiteLLM's payload can carry a credential, an address or an internal. */
    private static ObjectNode withSecrets(ObjectNode payload) {
        payload.put(
                "api_base",
                "https://gw:SECRET-PASSWORD@azure.example.test:8443/openai/deployments"
                        + "?api-key=SECRET-QUERY#SECRET-FRAGMENT");
        payload.put("requester_ip_address", "203.0.113.9");
        payload.put("cache_key", "SECRET-CACHE-KEY");
        payload.putObject("litellm_params")
                .put("api_key", "sk-SECRET-LITELLM")
                .put("api_base", "https://azure.example.test");
        payload.putObject("hidden_params")
                .put("api_base", "https://azure.example.test/?key=SECRET-HIDDEN")
                .putObject("additional_headers")
                .put("llm_provider-x-request-id", "SECRET-PROVIDER-REQUEST");
        payload.putObject("model_parameters")
                .put("temperature", 0.2)
                .putObject("extra_headers")
                .put("Authorization", "Bearer SECRET-EXTRA-HEADER");
        payload.putObject("error_information")
                .put("error_class", "AuthenticationError")
                .put(
                        "error_message",
                        "upstream https://gw:SECRET-IN-MESSAGE@azure.example.test/openai"
                                + "?api-key=SECRET-IN-QUERY answered 401")
                .put("traceback", "Traceback: SECRET-TRACEBACK");
        payload.putObject("response_cost_failure_debug_info")
                .put("error_str", "no price")
                .put("traceback_str", "Traceback: SECRET-COST-TRACEBACK");
        ObjectNode metadata = (ObjectNode) payload.get("metadata");
        metadata.put("user_api_key_hash", "SECRET-KEY-HASH");
        metadata.put("user_api_key", "sk-SECRET-VIRTUAL-KEY");
        metadata.put("requester_ip_address", "203.0.113.9");
        metadata.put("user_api_key_user_email", "SECRET-alice@example.test");
        metadata.putObject("user_api_key_auth_metadata").put("sub", "SECRET-AUTH-METADATA");
        metadata.putObject("requester_custom_headers")
                .put("x-litellm-api-key", "SECRET-CUSTOM-HEADER");
        ((ObjectNode) metadata.get("requester_metadata"))
                .put("session_id", "sess-100")
                .putObject("upstream")
                .put("password", "SECRET-NESTED")
                .put("token", "SECRET-NESTED-TOKEN");
        return payload;
    }

    private static void assertKeptWithoutSecrets(Api.Reply letter, ObjectNode sent) {
        assertThat(letter.body()).doesNotContain(SECRETS).doesNotContain("203.0.113.9");
        JsonNode kept = keptPayload(letter);
        assertThat(kept.get("litellm_call_id")).isEqualTo(sent.get("litellm_call_id"));
        assertThat(kept.get("api_base").asText())
                .isEqualTo("https://azure.example.test:8443/openai/deployments");
        assertThat(kept.at("/metadata/user_api_key_alias").asText()).isEqualTo("web-frontend");
        assertThat(kept.at("/metadata/requester_metadata/session_id").asText())
                .isEqualTo("sess-100");
        assertThat(kept.at("/model_parameters").isMissingNode()).isTrue();
        assertThat(kept.at("/error_information/error_class").asText())
                .isEqualTo("AuthenticationError");
        assertThat(kept.at("/response_cost_failure_debug_info").isObject())
                .as("still says LiteLLM had no price")
                .isTrue();
        assertThat(storedLetters(sent)).doesNotContain(SECRETS).doesNotContain("203.0.113.9");
    }

    private static JsonNode keptPayload(Api.Reply letter) {
        return letter.json().get("payload");
    }

    private static String storedLetters(ObjectNode sent) {
        List<JsonNode> stored =
                TestDatabase.json(
                        "select to_jsonb(d) from ingest_dead_letters d where request_id = ?",
                        sent.get("litellm_call_id").asText());
        assertThat(stored).isNotEmpty();
        return stored.toString();
    }

    private Api.Reply letter(String id) {
        return admin().get(DEAD_LETTERS + "/" + id);
    }

    private static String delivery(Api.Reply reply) {
        String detail = reply.json().has("detail") ? reply.json().get("detail").asText() : "";
        return reply.json().has("delivery_id")
                ? reply.json().get("delivery_id").asText()
                : detail.replaceFirst("(?s).*delivery ([0-9a-f-]{36}).*", "$1");
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
}
