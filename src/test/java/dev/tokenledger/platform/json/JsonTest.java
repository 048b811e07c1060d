package dev.tokenledger.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void decimalsAreWrittenPlainlyWherePossibleAndExactlyBeyond() throws Exception {
        BigDecimal tiny = new BigDecimal("1e-16383");
        BigDecimal huge = new BigDecimal("1e999999");
        Map<String, Object> answer =
                Map.of("cost", new BigDecimal("0.0105"), "values", List.of(tiny, huge));

        String written = Json.mapper().writeValueAsString(answer);
        String asNodes = Json.mapper().writeValueAsString(Json.mapper().valueToTree(answer));

        assertThat(written).contains("0.0105").contains("1E-16383").contains("1E+999999");
        assertThat(asNodes).isEqualTo(written);
        assertThat(Json.mapper().readTree(written).at("/values/0").decimalValue())
                .isEqualByComparingTo(tiny);
    }
}
