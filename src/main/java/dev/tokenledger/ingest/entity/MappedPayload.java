package dev.tokenledger.ingest.entity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.entity.RequestLogDraft;
import java.util.List;

/**
 * A delivered payload after the mapping rules: either a request log draft, or the violations that
 * send it to the dead letters.
 *
 * @param requestId the payload's request id as far as it could be read, for dead letters
 * @param draft the row to write; null when rejected
 * @param needsCatalogPrice whether the gateway gave no usable cost, so the catalog prices it
 * @param prompts messages and response to store beside the row, when the operator allows it
 * @param violations why it was rejected; empty when accepted
 * @param keptPayload what a dead letter keeps of it (see {@code Redaction}); null for a line that
 *     was not JSON, which cannot be searched for credentials and so is not kept
 */
public record MappedPayload(
        DeliveredPayload delivered,
        String requestId,
        RequestLogDraft draft,
        boolean needsCatalogPrice,
        ObjectNode prompts,
        List<Violation> violations,
        JsonNode keptPayload) {

    public boolean accepted() {
        return draft != null;
    }

    /** The same payload, refused after all (by the database) for the given reason. */
    public MappedPayload refused(String reason) {
        return new MappedPayload(
                delivered,
                requestId,
                null,
                false,
                null,
                List.of(Violation.atPointer("", reason)),
                keptPayload);
    }
}
