package dev.tokenledger.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.ingest.entity.DeadLetter;
import dev.tokenledger.ingest.entity.DeadLetterKind;
import dev.tokenledger.ingest.entity.DeliveredPayload;
import dev.tokenledger.ingest.entity.MappedPayload;
import dev.tokenledger.testing.Api;
import dev.tokenledger.testing.LiteLlmCases;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private final LiteLlmMapper mapper = new LiteLlmMapper(false);

    @Test
    void theSamePayloadIsTheSameLetterHoweverItIsLaidOut() {
        UUID compact = rejected("{\"model\":\"m\",\"prompt_tokens\":-1}").id();
        UUID spaced = rejected("{ \"prompt_tokens\" : -1.0 ,\n \"model\" : \"m\" }").id();
        UUID other = rejected("{\"model\":\"m\",\"prompt_tokens\":-2}").id();

        assertThat(spaced).isEqualTo(compact);
        assertThat(other).isNotEqualTo(compact);
        assertThat(compact.version()).isEqualTo(8);
        assertThat(compact.variant()).isEqualTo(2);
    }

    @Test
    void aRejectedLetterSaysWhyAndKeepsThePayloadWithoutPrompts() throws Exception {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "1");
        payload.put("prompt_tokens", 1.5);

        DeadLetter letter =
                DeadLetters.rejected(
                        UUID.randomUUID(),
                        Instant.EPOCH,
                        mapper.map(DeliveredPayload.parsed(7, null, payload)));

        assertThat(letter.kind()).isEqualTo(DeadLetterKind.REJECTED);
        assertThat(letter.position()).isEqualTo(7);
        assertThat(letter.requestId()).isEqualTo(payload.get("litellm_call_id").asText());
        assertThat(letter.reason())
                .isEqualTo("/prompt_tokens: must be a whole number of tokens, not 1.5.");
        JsonNode kept = Api.JSON.readTree(letter.payload().json());
        assertThat(kept.has("messages")).isFalse();
        assertThat(kept.has("response")).isFalse();
        assertThat(kept.get("prompt_tokens").decimalValue()).isEqualByComparingTo("1.5");
    }

    @Test
    void aConflictPointsAtTheIdThatWasReused() {
        ObjectNode payload = LiteLlmCases.payload("u", "gpt-4o", "1");
        MappedPayload mapped = mapper.map(DeliveredPayload.parsed(0, null, payload));

        DeadLetter letter = DeadLetters.conflict(UUID.randomUUID(), Instant.EPOCH, mapped, false);

        assertThat(letter.kind()).isEqualTo(DeadLetterKind.CONFLICT);
        assertThat(letter.reason()).startsWith("/litellm_call_id: is already stored");
        assertThat(letter.id())
                .isNotEqualTo(
                        DeadLetters.id(DeadLetterKind.REJECTED, "litellm", mapped.delivered()));
    }

    @Test
    void whatPostgresCannotStoreIsMadeStorable() {
        JsonNode stored =
                StorableJson.sanitised(
                        LiteLlmBody.split(
                                        "{\"a\\u0000b\": \"x\\u0000\", \"cost\": NaN, \"n\": [Infinity, 1.5]}"
                                                .getBytes(StandardCharsets.UTF_8))
                                .payloads()
                                .get(0)
                                .json());

        assertThat(stored.toString())
                .isEqualTo("{\"a\uFFFDb\":\"x\uFFFD\",\"cost\":\"NaN\",\"n\":[\"Infinity\",1.5]}");
    }

    @Test
    void aNumberOfAbsurdExponentIsKeptAsItsTextAndCostsNoMoreThanAnyOther() throws Exception {
        String sent =
                "{\"litellm_call_id\": \"c\", \"model\": \"m\", \"startTime\": 1733305200,"
                        + " \"response_cost\": 1e999999999, \"saved_cache_cost\": -1E-20000,"
                        + " \"response_time\": 1e300}";

        DeadLetter letter = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> rejected(sent));

        JsonNode kept = Api.JSON.readTree(letter.payload().json());
        assertThat(kept.get("response_cost").asText()).isEqualTo("1E+999999999");
        assertThat(kept.get("saved_cache_cost").asText()).isEqualTo("-1E-20000");
        assertThat(kept.get("response_time").isNumber()).as("PostgreSQL keeps it").isTrue();
        assertThat(letter.reason()).startsWith("/response_cost: must have at most 12 digits");
    }

    private DeadLetter rejected(String payload) {
        return DeadLetters.rejected(
                UUID.randomUUID(),
                Instant.EPOCH,
                mapper.map(
                        LiteLlmBody.split(payload.getBytes(StandardCharsets.UTF_8))
                                .payloads()
                                .get(0)));
    }
}
