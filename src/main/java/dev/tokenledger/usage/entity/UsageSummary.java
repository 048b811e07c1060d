package dev.tokenledger.usage.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A usage summary: the range it covers, the totals, and the groups in key order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "UsageSummary")
public record UsageSummary(
        @Schema(nullable = true) Instant from,
        @Schema(nullable = true) Instant to,
        String tz,
        String groupBy,
        @Schema(nullable = true, description = "Set when the summary is for one end user.")
                String endUser,
        UsageTotals totals,
        List<UsageFigures> groups,
        @Schema(description = "True when there are more groups than the limit returned.")
                Boolean moreGroups) {}
