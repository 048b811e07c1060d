package dev.tokenledger.requestlog.boundary;

import dev.tokenledger.platform.json.JsonText;
import dev.tokenledger.requestlog.entity.RequestLogRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored request log as the API shows it: the table's columns, snake_case. */
@Schema(name = "RequestLog")
public record RequestLogView(
        UUID id,
        @Schema(nullable = true) String requestId,
        @Schema(description = "UTC, ISO-8601.") Instant createdAt,
        @Schema(nullable = true) String endUser,
        @Schema(nullable = true) String model,
        @Schema(nullable = true, description = "USD, exact; null when the price is unknown.")
                BigDecimal totalCost,
        @Schema(nullable = true) String status,
        @Schema(
                        type = SchemaType.OBJECT,
                        description =
                                "session_id, input_tokens, output_tokens, total_tokens, auth_method"
                                        + " and any other keys the sender stored.")
                JsonText additionalDetails) {

    static RequestLogView of(RequestLogRecord log) {
        return new RequestLogView(
                log.id(),
                log.requestId(),
                log.createdAt(),
                log.endUser(),
                log.model(),
                log.totalCost(),
                log.status(),
                log.additionalDetails());
    }
}
