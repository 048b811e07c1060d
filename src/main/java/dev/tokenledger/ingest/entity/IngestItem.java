package dev.tokenledger.ingest.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tokenledger.platform.problem.Violation;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of one payload of a delivery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "IngestItem")
public record IngestItem(
        @Schema(description = "Its index among the delivery's payloads, from 0.") int index,
        @Schema(nullable = true, description = "Its line, for newline-delimited deliveries.")
                Integer line,
        Result result,
        @Schema(
                        nullable = true,
                        description =
                                "The stored row's id (the earlier row's, for a"
                                        + " duplicate or a conflict).")
                UUID id,
        @Schema(nullable = true) String requestId,
        @Schema(nullable = true, description = "For rejected payloads and conflicts.")
                UUID deadLetterId,
        @Schema(
                        nullable = true,
                        description = "Why it was rejected; pointers point into the" + " payload.")
                List<Violation> errors) {

    /** The four fates of a payload. */
    public enum Result {
        CREATED,
        DUPLICATE,
        CONFLICT,
        REJECTED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
