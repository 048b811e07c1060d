package dev.tokenledger.legacy.entity;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every legacy id compared with request_logs, key by key: counts that add up to {@code rows}, and
 * the first rows (by id) of each kind that needs attention.
 */
@Schema(name = "UsageLogsComparison")
public record UsageLogsComparison(
        @Schema(description = "Rows in the legacy table.") long rows,
        @Schema(description = "Present in request_logs under the legacy id with equal values.")
                long migrated,
        @Schema(description = "Not yet in request_logs; a run would copy them.") long pending,
        @Schema(
                        description =
                                "Not in request_logs because request_logs would refuse them;"
                                        + " fix them in the legacy table and run again.")
                long rejected,
        @Schema(description = "In request_logs under the legacy id but with different values.")
                long conflicts,
        @Schema(
                        description =
                                "Rows whose NULL total_tokens is (or will be) input_tokens +"
                                        + " output_tokens.")
                long totalsFilled,
        @Schema(description = "Whether every legacy row is migrated with equal values.")
                boolean complete,
        List<RejectedRow> rejectedRows,
        List<ConflictingRow> conflictingRows,
        @Schema(description = "The first pending ids.") List<UUID> pendingRows,
        @Schema(description = "The first ids whose total_tokens is filled in.")
                List<UUID> filledTotalRows) {

    public UsageLogsComparison {
        rejectedRows = List.copyOf(rejectedRows);
        conflictingRows = List.copyOf(conflictingRows);
        pendingRows = List.copyOf(pendingRows);
        filledTotalRows = List.copyOf(filledTotalRows);
    }

    /** A legacy row request_logs would refuse, with every rule it breaks. */
    @Schema(name = "UsageLogsRejectedRow")
    public record RejectedRow(UUID id, List<Reason> reasons) {}

    /**
     * One broken rule.
     *
     * @param rule the request_logs constraint (or "column not null")
     * @param columns the legacy columns whose values the rule reads
     */
    @Schema(name = "UsageLogsRejectionReason")
    public record Reason(String rule, List<String> columns, String detail) {}

    /** A legacy id stored in request_logs with other values, and the legacy columns that differ. */
    @Schema(name = "UsageLogsConflictingRow")
    public record ConflictingRow(UUID id, List<String> columns) {}
}
