package dev.tokenledger.usage.entity;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of a whole summary: every row of the range, whatever group it falls in. */
@Schema(name = "UsageTotals")
public record UsageTotals(
        long requests,
        @Schema(description = "Sums are exact and may exceed 2^63: read them as big integers.")
                BigInteger inputTokens,
        BigInteger outputTokens,
        BigInteger totalTokens,
        @Schema(
                        description =
                                "USD over the priced requests; null when none of them is priced,"
                                        + " never 0 for unknown.",
                        nullable = true)
                BigDecimal totalCost,
        @Schema(description = "Requests without a known cost; they add nothing to total_cost.")
                long unpricedRequests) {

    public static UsageTotals of(UsageFigures figures) {
        return new UsageTotals(
                figures.requests(),
                figures.inputTokens(),
                figures.outputTokens(),
                figures.totalTokens(),
                figures.totalCost(),
                figures.unpricedRequests());
    }
}
