package dev.tokenledger.legacy.boundary;

import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A usage_logs row as the compatibility endpoint writes it, for the OpenAPI document. */
@Schema(
        name = "UsageLog",
        description =
                "The retired usage_logs shape, computed from request_logs (user_id = end_user,"
                        + " model_name = model, cost = total_cost; the token counts, session_id and"
                        + " auth_method come from additional_details).")
public record UsageLogSchema(
        UUID id,
        @Schema(nullable = true) String userId,
        @Schema(nullable = true) String sessionId,
        @Schema(nullable = true) String modelName,
        @Schema(nullable = true) Long inputTokens,
        @Schema(nullable = true) Long outputTokens,
        @Schema(nullable = true) Long totalTokens,
        @Schema(nullable = true, description = "USD, exact.") BigDecimal cost,
        @Schema(description = "ISO-8601 with offset, e.g. 2025-05-01T09:15:00+00:00.")
                String createdAt,
        @Schema(nullable = true) String authMethod) {}
