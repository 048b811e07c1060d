package dev.tokenledger.requestlog.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A request log as a caller sent it, validated and normalised (token counts whole numbers, {@code
 * total_tokens} filled in), before the server adds what it owns: the id, the auth marker and, when
 * absent, the time.
 *
 * @param createdAt null when the caller left it to the server
 */
public record RequestLogDraft(
        String requestId,
        Instant createdAt,
        String endUser,
        String model,
        BigDecimal totalCost,
        String status,
        AdditionalDetails additionalDetails) {

    public RequestLogDraft withEndUser(String user) {
        return new RequestLogDraft(
                requestId, createdAt, user, model, totalCost, status, additionalDetails);
    }

    public RequestLogDraft withDetails(AdditionalDetails details) {
        return new RequestLogDraft(
                requestId, createdAt, endUser, model, totalCost, status, details);
    }

    public RequestLogDraft withTotalCost(BigDecimal cost) {
        return new RequestLogDraft(
                requestId, createdAt, endUser, model, cost, status, additionalDetails);
    }

    public RequestLogDraft withCreatedAt(Instant time) {
        return new RequestLogDraft(
                requestId, time, endUser, model, totalCost, status, additionalDetails);
    }
}
