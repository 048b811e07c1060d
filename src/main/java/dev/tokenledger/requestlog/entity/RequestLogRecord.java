package dev.tokenledger.requestlog.entity;

import dev.tokenledger.platform.json.JsonText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored request log as it is read for answers: the columns, with additional_details left as the
 * JSON text the database holds.
 */
public record RequestLogRecord(
        UUID id,
        String requestId,
        Instant createdAt,
        String endUser,
        String model,
        BigDecimal totalCost,
        String status,
        JsonText additionalDetails) {

    public static RequestLogRecord of(RequestLog log) {
        return new RequestLogRecord(
                log.getId(),
                log.getRequestId(),
                log.getCreatedAt(),
                log.getEndUser(),
                log.getModel(),
                log.getTotalCost(),
                log.getStatus(),
                new JsonText(log.getAdditionalDetails().toString()));
    }
}
