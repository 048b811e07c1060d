package dev.tokenledger.usage.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of one group. Sums are exact. */
@Schema(name = "UsageFigures")
public record UsageFigures(
        @Schema(
                        nullable = true,
                        description =
                                "The group: a model, a day (YYYY-MM-DD in the requested zone), a"
                                        + " session id or an end user; null for rows without"
                                        + " one.")
                @JsonInclude(JsonInclude.Include.ALWAYS)
                String key,
        long requests,
        @Schema(description = SUMS) BigInteger inputTokens,
        BigInteger outputTokens,
        BigInteger totalTokens,
        @Schema(description = TOTAL_COST, nullable = true) BigDecimal totalCost,
        @Schema(description = UNPRICED) long unpricedRequests) {

    // The OpenAPI descriptions UsageTotals shares.
    static final String SUMS = "Sums are exact and may exceed 2^63: read them as big integers.";
    static final String TOTAL_COST =
            "USD over the priced requests; null when none of them is priced, never 0 for unknown.";
    static final String UNPRICED = "Requests without a known cost; they add nothing to total_cost.";
}
