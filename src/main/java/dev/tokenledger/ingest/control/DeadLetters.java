package dev.tokenledger.ingest.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokenledger.ingest.entity.DeadLetter;
import dev.tokenledger.ingest.entity.DeadLetterKind;
import dev.tokenledger.ingest.entity.DeliveredPayload;
import dev.tokenledger.ingest.entity.MappedPayload;
import dev.tokenledger.platform.json.Json;
import dev.tokenledger.platform.json.JsonText;
import dev.tokenledger.platform.problem.ProblemException;
import dev.tokenledger.platform.problem.Violation;
import dev.tokenledger.requestlog.control.ContentFingerprint;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Builds the dead letter for a payload that did not become a row. Its id is derived from what was
 * delivered (UUID version 8, RFC 9562, from a SHA-256), so the same bad payload delivered twice is
 * one letter, and a gateway, which may not read the table, still learns its id.
 */
public final class DeadLetters {

    private DeadLetters() {}

    public static DeadLetter rejected(UUID deliveryId, Instant receivedAt, MappedPayload payload) {
        return letter(
                deliveryId,
                receivedAt,
                payload,
                DeadLetterKind.REJECTED,
                payload.violations(),
                payload.keptPayload());
    }

    /**
     * The payload's request id is stored already, with content other than this payload's.
     *
     * @param keepPrompts whether the operator stores prompts, and so the letter keeps them
     */
    public static DeadLetter conflict(
            UUID deliveryId, Instant receivedAt, MappedPayload payload, boolean keepPrompts) {
        JsonNode json = payload.delivered().json();
        String pointer =
                LiteLlmMapper.blank(json.get("litellm_call_id")) ? "/id" : "/litellm_call_id";
        return letter(
                deliveryId,
                receivedAt,
                payload,
                DeadLetterKind.CONFLICT,
                List.of(
                        Violation.atPointer(
                                pointer,
                                "is already stored with different content;"
                                        + " the stored row is kept and this payload is not.")),
                Redaction.payload(json, keepPrompts));
    }

    public static UUID id(DeadLetterKind kind, String source, DeliveredPayload delivered) {
        ObjectNode key =
                JsonNodeFactory.instance
                        .objectNode()
                        .put("kind", kind.wireName())
                        .put("source", source);
        key.set(
                "payload",
                delivered.json() == null
                        ? JsonNodeFactory.instance.textNode(StorableJson.text(delivered.text()))
                        : StorableJson.sanitised(delivered.json()));
        byte[] hash = ContentFingerprint.ofJson(key);
        hash[6] = (byte) ((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static DeadLetter letter(
            UUID deliveryId,
            Instant receivedAt,
            MappedPayload payload,
            DeadLetterKind kind,
            List<Violation> errors,
            JsonNode kept) {
        DeliveredPayload delivered = payload.delivered();
        return new DeadLetter(
                id(kind, LiteLlmContext.SOURCE, delivered),
                deliveryId,
                receivedAt,
                LiteLlmContext.SOURCE,
                delivered.position(),
                delivered.line(),
                payload.requestId(),
                kind,
                reason(errors),
                errors,
                kept == null ? null : new JsonText(json(kept)));
    }

    private static String json(JsonNode kept) {
        try {
            return Json.mapper().writeValueAsString(kept);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("a kept payload did not serialise", unwritable);
        }
    }

    /** The first error as one sentence, worded as the ledger's validation problems are. */
    public static String reason(List<Violation> errors) {
        return StorableJson.text(ProblemException.invalid(errors).getMessage());
    }
}
