package dev.tokenledger.ingest.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.ingest.entity.ModelPriceDraft;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.platform.problem.ProblemException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelPriceParserTest {

    @Test
    void readsPricesExactlyFromNumbersOrStrings() throws Exception {
        ModelPriceDraft draft =
                ModelPriceParser.parse(
                        json(
                                """
                                {"model_pattern": "gpt-4o*", "input_price": 0.0000025,
                                 "output_price": "0.00001", "valid_from": "2025-01-01"}
                                """));

        assertThat(draft.modelPattern()).isEqualTo("gpt-4o*");
        assertThat(draft.inputPrice().toPlainString()).isEqualTo("0.0000025");
        assertThat(draft.outputPrice().toPlainString()).isEqualTo("0.00001");
        assertThat(draft.cachedInputPrice()).isNull();
        assertThat(draft.validFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"input_price\": 1, \"output_price\": 1, \"valid_from\": \"2025-01-01\"}"
                        + " | /model_pattern: is required",
                "{\"model_pattern\": \"m\", \"output_price\": 1, \"valid_from\": \"2025-01-01\"}"
                        + " | /input_price: is required",
                "{\"model_pattern\": \"m\", \"input_price\": -1, \"output_price\": 1,"
                        + " \"valid_from\": \"2025-01-01\"} | /input_price: must not be negative",
                "{\"model_pattern\": \"m\", \"input_price\": 1, \"output_price\": \"x\","
                        + " \"valid_from\": \"2025-01-01\"} | /output_price: must be a decimal",
                "{\"model_pattern\": \"m\", \"input_price\": 1, \"output_price\": 1,"
                        + " \"cached_input_price\": -2, \"valid_from\": \"2025-01-01\"}"
                        + " | /cached_input_price: must not be negative",
                "{\"model_pattern\": \"m\", \"input_price\": 1, \"output_price\": 1,"
                    + " \"valid_from\": \"2025-02-30\"} | /valid_from: must be an ISO-8601 date",
                "{\"model_pattern\": \"m\", \"input_price\": 1, \"output_price\": 1}"
                        + " | /valid_from: is required",
                "{\"model_pattern\": \"m\", \"input_price\": 1, \"output_price\": 1,"
                        + " \"valid_from\": \"2025-01-01\", \"currency\": \"EUR\"}"
                        + " | /currency: is not a price field",
                "{\"id\": \"x\", \"model_pattern\": \"m\", \"input_price\": 1, \"output_price\": 1,"
                        + " \"valid_from\": \"2025-01-01\"} | /id: is assigned by the server",
                "[] | the request body: must be a price object",
            })
    void refusesWhatIsNotAPriceNamingTheField(String body, String expected) {
        assertThatThrownBy(() -> ModelPriceParser.parse(json(body)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> {
                            assertThat(problem.status()).isEqualTo(422);
                            assertThat(problem.getMessage()).startsWith(expected);
                        });
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception broken) {
            throw new IllegalArgumentException(broken);
        }
    }
}
