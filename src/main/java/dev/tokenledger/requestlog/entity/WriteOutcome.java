package dev.tokenledger.requestlog.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What happened to one submitted row. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "WriteOutcome")
public record WriteOutcome(
        @Schema(description = "The stored row's id (the earlier row's, for a duplicate).") UUID id,
        String requestId,
        @Schema(
                        description =
                                "created, duplicate (same request_id and content, nothing written)"
                                    + " or conflict (same request_id, different content, nothing"
                                    + " written).")
                Result result) {

    public enum Result {
        CREATED,
        DUPLICATE,
        CONFLICT,
        /** The database refused the row; only a tolerant write (a gateway's) reports this. */
        REFUSED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
