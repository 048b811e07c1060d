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
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The price catalog: costs a gateway did not know, computed, marked and recomputed. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PriceCatalogIT {

    static final String INGEST = "/api/v1/ingest/litellm";
    static final String PRICES = "/api/v1/model-prices";
    static final String UNPRICED = "/api/v1/unpriced-models";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource URL base;

    final Tokens tokens = Tokens.forTests();

    @Test
    void anUnpricedModelIsListedThenPricedAndRecomputedExactly() {
        String model = model();
        ObjectNode early = payload(model, null);
        ObjectNode late =
                payload(model, null)
                        .put("prompt_tokens", 1000)
                        .put("completion_tokens", 500)
                        .put("total_tokens", 1500);
        gateway().post(INGEST, LiteLlmCases.batch(early, late));

        JsonNode listed = unpriced(model);
        assertThat(listed.get("requests").asLong()).isEqualTo(2);
        assertThat(cost(early)).isNull();
        assertThat(details(early).get("cost_source").asText()).isEqualTo("unpriced");

        String priceId =
                admin().post(PRICES, price(model, "0.000001", "0.000004", null, "2024-01-01"))
                        .json()
                        .get("id")
                        .asText();
        JsonNode recomputed = admin().post(UNPRICED + "/recompute?model=" + model, "").json();

        assertThat(recomputed.get("priced").asLong()).isEqualTo(2);
        assertThat(recomputed.get("still_unpriced").asLong()).isZero();
        assertThat(cost(early)).isEqualTo("0.00018");
        assertThat(cost(late)).isEqualTo("0.003");
        assertThat(details(late).get("cost_source").asText()).isEqualTo("catalog");
        assertThat(details(late).get("price_id").asText()).isEqualTo(priceId);
        assertThat(unpriced(model)).isNull();
        Api.Reply redelivered = gateway().post(INGEST, LiteLlmCases.batch(early, late));
        assertThat(redelivered.json().get("duplicates").asInt())
                .as("a redelivery after pricing is still the same payload")
                .isEqualTo(2);
    }

    @Test
    void aPayloadWithoutCostIsPricedFromTheCatalogOnArrival() {
        String model = model();
        admin().post(PRICES, price(model, "0.000002", "0.000008", "0.0000005", "2024-01-01"));
        ObjectNode cached = payload(model, null);
        cached.putObject("response")
                .putObject("usage")
                .putObject("prompt_tokens_details")
                .put("cached_tokens", 60);
        ObjectNode zero = payload(model, "0");

        Api.Reply reply = gateway().post(INGEST, LiteLlmCases.batch(cached, zero));

        assertThat(reply.json().get("created").asInt()).isEqualTo(2);
        assertThat(cost(cached)).as("40 input, 60 cached, 20 output").isEqualTo("0.00027");
        assertThat(details(cached).get("cached_input_tokens").asLong()).isEqualTo(60);
        assertThat(cost(zero)).as("a zero cost for tokens used is no price").isEqualTo("0.00036");
        assertThat(details(zero).get("cost_source").asText()).isEqualTo("catalog");
        assertThat(details(zero).has("response")).isFalse();
    }

    @Test
    void aGatewaysOwnCostIsNeverReplaced() {
        String model = model();
        admin().post(PRICES, price(model, "1", "1", null, "2024-01-01"));
        ObjectNode priced = payload(model, "0.0005");

        gateway().post(INGEST, LiteLlmCases.batch(priced));
        admin().post(UNPRICED + "/recompute?include_catalog_priced=true", "");

        assertThat(cost(priced)).isEqualTo("0.0005");
        assertThat(details(priced).get("cost_source").asText()).isEqualTo("gateway");
    }

    @Test
    void theExactNameBeatsAPatternAndEachRequestGetsThePriceOfItsDay() {
        String family = model();
        String model = family + "-mini";
        admin().post(PRICES, price(family + "*", "1", "1", null, "2024-01-01"));
        admin().post(PRICES, price(model, "0.000001", "0", null, "2024-01-01"));
        admin().post(PRICES, price(model, "0.000002", "0", null, "2024-12-05"));
        ObjectNode before = payload(model, null);
        ObjectNode after = payload(model, null).put("startTime", 1733443200.0);
        ObjectNode sibling = payload(family + "-large", null);

        gateway().post(INGEST, LiteLlmCases.batch(before, after, sibling));

        assertThat(cost(before)).as("2024-12-04: the first price").isEqualTo("0.0001");
        assertThat(cost(after)).as("2024-12-06: the second price").isEqualTo("0.0002");
        assertThat(cost(sibling)).as("only the pattern matches").isEqualTo("120");
    }

    @Test
    void patternsOfEqualLengthTieToTheFirstInCodePointOrder() {
        String family = model();
        admin().post(PRICES, price(family + "-a*", "1", "1", null, "2024-01-01"));
        admin().post(PRICES, price(family + "-*b", "2", "2", null, "2024-01-01"));
        ObjectNode both = payload(family + "-ab", null);

        gateway().post(INGEST, LiteLlmCases.batch(both));

        assertThat(cost(both)).as("'*' sorts before 'a'").isEqualTo("240");
    }

    @Test
    void aCorrectedPriceReachesCatalogPricedRowsOnlyWhenAsked() {
        String model = model();
        String priceId =
                admin().post(PRICES, price(model, "0.000001", "0", null, "2024-01-01"))
                        .json()
                        .get("id")
                        .asText();
        ObjectNode payload = payload(model, null);
        gateway().post(INGEST, LiteLlmCases.batch(payload));

        Api.Reply corrected =
                admin().send(
                                "PUT",
                                PRICES + "/" + priceId,
                                BodyPublishers.ofString(
                                        Api.write(
                                                price(model, "0.000003", "0", null, "2024-01-01"))),
                                "application/json");
        admin().post(UNPRICED + "/recompute", "");
        String unchanged = cost(payload);
        JsonNode repriced =
                admin().post(UNPRICED + "/recompute?include_catalog_priced=true&model=" + model, "")
                        .json();

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(unchanged).isEqualTo("0.0001");
        assertThat(repriced.get("priced").asLong()).isEqualTo(1);
        assertThat(cost(payload)).isEqualTo("0.0003");
        assertThat(
                        admin().send(
                                        "DELETE",
                                        PRICES + "/" + priceId,
                                        BodyPublishers.noBody(),
                                        null)
                                .status())
                .isEqualTo(204);
        JsonNode unpricedAgain =
                admin().post(
                                UNPRICED
                                        + "/recompute?include_catalog_priced=true"
                                        + "&model="
                                        + model,
                                "")
                        .json();
        assertThat(unpricedAgain.get("unpriced_again").asLong()).isEqualTo(1);
        assertThat(cost(payload)).isNull();
        assertThat(details(payload).has("price_id")).isFalse();
    }

    @Test
    void pricesAreExactAndManagedThroughTheApi() {
        String model = model();

        Api.Reply added =
                admin().post(
                                PRICES,
                                price(
                                        model,
                                        "0.00000015",
                                        "0.0000006",
                                        "0.000000075",
                                        "2025-01-01"));
        String id = added.json().get("id").asText();
        Api.Reply twin = admin().post(PRICES, price(model, "1", "1", null, "2025-01-01"));
        Api.Reply invalid =
                admin().post(
                                PRICES,
                                Map.of(
                                        "model_pattern",
                                        model,
                                        "input_price",
                                        -1,
                                        "output_price",
                                        "x",
                                        "valid_from",
                                        "yesterday"));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("Location")).endsWith(PRICES + "/" + id);
        Api.Reply stored = admin().get(PRICES + "/" + id);
        assertThat(stored.body())
                .as("exact, never through a double")
                .contains("\"input_price\":0.00000015", "\"cached_input_price\":0.000000075");
        assertThat(stored.json().get("valid_from").asText()).isEqualTo("2025-01-01");
        assertThat(
                        StreamSupport.stream(
                                        admin().get(PRICES).json().get("items").spliterator(),
                                        false)
                                .map(price -> price.get("id").asText()))
                .contains(id);
        assertThat(twin.status()).as(twin.toString()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors"))
                .extracting(error -> error.get("pointer").asText())
                .containsExactlyInAnyOrder("/input_price", "/output_price", "/valid_from");
        assertThat(admin().get(PRICES + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(admin().get(PRICES + "/not-an-id").status()).isEqualTo(404);
    }

    private JsonNode unpriced(String model) {
        for (JsonNode entry : admin().get(UNPRICED).json().get("items")) {
            if (entry.get("model").asText().equals(model)) {
                return entry;
            }
        }
        return null;
    }

    private Api gateway() {
        return Api.at(base).as(tokens.ingest());
    }

    private Api admin() {
        return Api.at(base).as(tokens.service());
    }

    private static String model() {
        return "test-model-" + UUID.randomUUID();
    }

    /** 100 input and 20 output tokens on 2024-12-04. */
    private static ObjectNode payload(String model, String cost) {
        return LiteLlmCases.payload(TestData.user(), model, cost);
    }

    private static Map<String, Object> price(
            String pattern, String input, String output, String cached, String validFrom) {
        Map<String, Object> price = new java.util.LinkedHashMap<>();
        price.put("model_pattern", pattern);
        price.put("input_price", input);
        price.put("output_price", output);
        price.put("cached_input_price", cached);
        price.put("valid_from", validFrom);
        return price;
    }

    private static String cost(ObjectNode payload) {
        return TestDatabase.text(
                "select total_cost::text from request_logs where request_id = ?",
                payload.get("litellm_call_id").asText());
    }

    private static JsonNode details(ObjectNode payload) {
        return TestDatabase.json(
                        "select additional_details from request_logs" + " where request_id = ?",
                        payload.get("litellm_call_id").asText())
                .get(0);
    }
}
