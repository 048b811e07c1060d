package dev.tokenledger.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details.")
public record Problem(
        @Schema(example = "/problems/validation-failed") String type,
        @Schema(example = "Request validation failed") String title,
        @Schema(example = "422") int status,
        String detail,
        @Schema(description = "Set on server errors: quote it when reporting the fault.")
                String incident,
        @Schema(description = "Every offending field, when the problem is about fields.")
                List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
