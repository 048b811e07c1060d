package dev.tokenledger.ingest.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tokenledger.platform.json.JsonText;
import dev.tokenledger.platform.problem.Violation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A gateway payload that did not become a request log, with the reason. The payload travels as the
 * JSON text it is stored as, never parsed again: whatever numbers a gateway sent, a letter that
 * could be kept can be read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DeadLetter")
public record DeadLetter(
        @Schema(description = "Derived from the payload: a payload delivered twice is kept once.")
                UUID id,
        @Schema(description = "The POST that brought it; the server logs the same id.")
                UUID deliveryId,
        @Schema(description = "UTC, ISO-8601: when it first arrived.") Instant receivedAt,
        @Schema(description = "The gateway format, e.g. litellm.") String source,
        @Schema(description = "Its index among the delivery's payloads, from 0.") int position,
        @Schema(nullable = true, description = "Its line, for newline-delimited deliveries.")
                Integer line,
        @Schema(nullable = true) String requestId,
        DeadLetterKind kind,
        @Schema(description = "The first error as a sentence.") String reason,
        @Schema(description = "Every error; pointers point into the payload.")
                List<Violation> errors,
        @Schema(
                        type = SchemaType.OBJECT,
                        nullable = true,
                        description =
                                "The payload as sent, without credentials, the caller's address,"
                                        + " LiteLLM's parameters and internals, and without"
                                        + " messages and response unless the operator stores"
                                        + " prompts. Absent for a line that was not JSON.")
                JsonText payload) {}
