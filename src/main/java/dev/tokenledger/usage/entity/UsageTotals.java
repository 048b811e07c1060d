package dev.tokenledger.usage.entity;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of a whole summary: every row of the range, whatever group it falls in. */
@Schema(name = "UsageTotals")
public record UsageTotals(
        long requests,
        @Schema(description = UsageFigures.SUMS) BigInteger inputTokens,
        BigInteger outputTokens,
        BigInteger totalTokens,
        @Schema(description = UsageFigures.TOTAL_COST, nullable = true) BigDecimal totalCost,
        @Schema(description = UsageFigures.UNPRICED) long unpricedRequests) {

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
