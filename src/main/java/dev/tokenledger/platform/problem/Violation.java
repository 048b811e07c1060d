package dev.tokenledger.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One reason a request was refused, tied to the place it came from: a JSON pointer into the body
 * (RFC 6901) or the name of a query parameter or header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One offending field of a refused request.")
public record Violation(
        @Schema(description = "JSON pointer into the request body.", example = "/0/total_cost")
                String pointer,
        @Schema(description = "Query parameter or header name.", example = "limit")
                String parameter,
        @Schema(description = "What is wrong, as a sentence.") String detail) {

    public static Violation atPointer(String pointer, String detail) {
        return new Violation(pointer, null, detail);
    }

    public static Violation atParameter(String parameter, String detail) {
        return new Violation(null, parameter, detail);
    }

    /** The place in the form a reader scans first: pointer, else parameter name. */
    public String location() {
        if (pointer != null) {
            // RFC 6901: the empty pointer is the whole document.
            return pointer.isEmpty() ? "the request body" : pointer;
        }
        return parameter;
    }
}
