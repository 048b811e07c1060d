package dev.tokenledger.requestlog.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.platform.problem.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    private static List<Violation> tokenCount(String json) throws Exception {
        JsonNode value = Json.mapper().readTree(json);
        List<Violation> violations = new ArrayList<>();
        assertThat(JsonValues.tokenCount(value, "/input_tokens", violations)).isNull();
        return violations;
    }

    @Test
    void aFractionalCountIsNamedAsWritten() throws Exception {
        assertThat(tokenCount("14417.92"))
                .extracting(Violation::detail)
                .containsExactly("must be a whole number of tokens, not 14417.92.");
    }

    @Test
    void aCountWithAHugeNegativeExponentIsRefusedWithoutWritingItOut() {
        List<Violation> violations =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> tokenCount("1e-999999999"));

        assertThat(violations)
                .extracting(Violation::detail)
                .containsExactly("must be a whole number of tokens, not 1E-999999999.");
    }
}
